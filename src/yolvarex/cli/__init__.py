"""The command line: `yolvarex ...`. Every command has --json output for scripts where it reports."""
