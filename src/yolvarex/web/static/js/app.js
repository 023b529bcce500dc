// Small progressive enhancements; every page works without this file.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
// Printing the plan from the screen view: open every session so the printout shows them all.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details.plan-session").forEach((d) => { d.open = true; });
});
