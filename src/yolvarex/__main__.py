from yolvarex.cli.main import main

main()
