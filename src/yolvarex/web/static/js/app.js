// Small progressive enhancements; every page works without this file.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
// Printing the plan from the screen view: open every session so the printout shows them all.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details.plan-session").forEach((d) => { d.open = true; });
});

// Time zone: sign-up sends the device's zone; the Account page offers it when it differs.
(function () {
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return; }
  if (!zone) return;
  document.querySelectorAll("input[data-device-zone]").forEach(function (input) {
    if (!input.value) input.value = zone;
  });
  document.querySelectorAll("button[data-use-device-zone]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-use-device-zone"));
    if (!target || target.value === zone) return;
    button.hidden = false;
    button.textContent = "Use this device's zone (" + zone + ")";
    button.addEventListener("click", function () { target.value = zone; target.focus(); });
  });
})();

// Installable app: the service worker keeps the static files and shows an offline page.
if ("serviceWorker" in navigator && window.isSecureContext) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* the site works without it */ });
  });
}
