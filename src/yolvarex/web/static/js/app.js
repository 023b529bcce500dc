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

// The sticky header's real height, so anchors (/today#verdict) land below it.
(function () {
  var header = document.querySelector(".site-header");
  if (!header) return;
  function measure() {
    var sticky = getComputedStyle(header).position === "sticky";
    document.documentElement.style.setProperty("--header-h", sticky ? header.offsetHeight + "px" : "0px");
  }
  measure();
  window.addEventListener("resize", measure);
  if (location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView({ block: "start" });
  }
})();

// A sticky Save bar: a focused field or a field the browser flags as invalid is scrolled
// into the middle of the screen, so neither it nor its warning bubble sits under the bar.
(function () {
  var bar = document.querySelector(".checkin-actions");
  if (!bar) return;
  function clear(field) {
    var rect = field.getBoundingClientRect();
    var barTop = bar.getBoundingClientRect().top;
    if (rect.bottom + 56 > barTop || rect.top < 0) field.scrollIntoView({ block: "center" });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".checkin-form") && event.target !== bar.querySelector("button")) clear(event.target);
  });
  document.addEventListener("invalid", function (event) { clear(event.target); }, true);
})();
