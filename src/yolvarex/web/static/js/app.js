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

// Installable app: the service worker keeps the static files and shows an offline page.
if ("serviceWorker" in navigator && window.isSecureContext) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* the site works without it */ });
  });
}

// A check-in typed while offline is kept on this device (localStorage, under the name of the
// runner who typed it) and sent when the connection returns, from any page of the app, with a
// fresh CSRF token. The server validates it like any other; if that day already has a
// check-in, the server's stays and the runner is told (409). Nothing is sent for another user.
(function () {
  var KEY = "yolvarex.pending-checkins";
  var who = document.querySelector(".site-header .who");
  var user = who ? who.textContent.trim() : "";

  function pending() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function store(list) {
    if (list.length) localStorage.setItem(KEY, JSON.stringify(list));
    else localStorage.removeItem(KEY);
  }
  function say(text) {
    var box = document.getElementById("checkin-offline");
    if (!box) {
      box = document.createElement("p");
      box.id = "checkin-offline";
      box.className = "flash";
      box.setAttribute("role", "status");
      var main = document.querySelector("main") || document.body;
      main.insertBefore(box, main.firstChild);
    }
    box.hidden = false;
    box.textContent = text;
    box.scrollIntoView({ block: "nearest" });
  }
  function dayWords(iso) {
    var d = new Date(iso + "T12:00:00");
    return isNaN(d) ? iso : d.toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
  }

  var form = document.querySelector("form[data-keep-offline]");
  if (form && user) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) return;  // online: the ordinary form post
      event.preventDefault();
      var fields = [];
      new FormData(form).forEach(function (value, name) {
        if (name !== "csrf_token" && typeof value === "string") fields.push([name, value]);
      });
      var date = form.elements.date.value;
      var list = pending().filter(function (item) { return !(item.user === user && item.date === date); });
      list.push({ user: user, date: date, fields: fields });
      store(list);
      say("You are offline. Your check-in for " + dayWords(date) + " is saved on this phone; " +
          "it will be sent when you are back online.");
    });
  }

  var sending = false;
  function send() {
    if (sending || !navigator.onLine || !user) return;
    var mine = pending().filter(function (item) { return item.user === user; });
    if (!mine.length) return;
    sending = true;
    var item = mine[0];
    var handled = false;
    fetch("/checkin?day=" + encodeURIComponent(item.date), { credentials: "same-origin" })
      .then(function (page) {
        if (!page.ok || new URL(page.url).pathname !== "/checkin") throw new Error("login");
        return page.text();
      })
      .then(function (html) {
        var token = new DOMParser().parseFromString(html, "text/html")
          .querySelector("input[name=csrf_token]");
        if (!token) throw new Error("login");
        var body = new URLSearchParams();
        item.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
        body.append("csrf_token", token.value);
        body.append("offline", "1");
        return fetch("/checkin", { method: "POST", body: body, credentials: "same-origin" });
      })
      .then(function (response) {
        if (new URL(response.url).pathname === "/login") throw new Error("login");
        store(pending().filter(function (other) { return !(other.user === item.user && other.date === item.date); }));
        handled = true;
        if (response.ok) {
          say("Back online: your check-in for " + dayWords(item.date) + " was sent and saved.");
        } else if (response.status === 409) {
          return response.text().then(say);
        } else {
          say("The check-in for " + dayWords(item.date) + " kept on this phone could not be " +
              "saved (some answers were not valid). Please type it again on the check-in page.");
        }
      })
      .catch(function (error) {
        if (error && error.message === "login") {
          say("A check-in is waiting on this phone: log in again to send it.");
        }  // still offline or the server is away: it stays and is tried again
      })
      .then(function () {
        sending = false;
        if (handled) send();  // the next one kept on this phone, if any
      });
  }
  window.addEventListener("online", send);
  if (form) {
    window.addEventListener("offline", function () {
      say("You are offline. You can still fill in your check-in: it will be saved on this " +
          "phone and sent when you are back online.");
    });
  }
  send();
})();
