// Workout mode: a rest timer that starts when a set is ticked, and a progress bar.
// The form works without this file; it only adds the timer and the bar.
(() => {
  "use strict";
  const form = document.getElementById("workout");
  const timer = document.getElementById("rest-timer");
  if (!form || !timer) return;
  const time = document.getElementById("rest-time");
  const bar = document.querySelector(".workout-progress-bar");
  const boxes = Array.from(form.querySelectorAll("input[data-set]"));
  let left = 0;
  let handle = null;

  const show = () => {
    const m = Math.floor(left / 60);
    const s = String(left % 60).padStart(2, "0");
    time.textContent = `${m}:${s}`;
  };
  const stop = (announce) => {
    clearInterval(handle);
    handle = null;
    if (announce) {
      time.textContent = "Go";
      timer.classList.add("workout-timer-done");
      if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
      setTimeout(() => { timer.hidden = true; timer.classList.remove("workout-timer-done"); }, 4000);
    } else {
      timer.hidden = true;
    }
  };
  const start = (seconds) => {
    left = seconds;
    timer.hidden = false;
    timer.classList.remove("workout-timer-done");
    show();
    clearInterval(handle);
    handle = setInterval(() => {
      left -= 1;
      if (left <= 0) { stop(true); return; }
      show();
    }, 1000);
  };
  const progress = () => {
    if (!bar || !boxes.length) return;
    const done = boxes.filter((b) => b.checked).length;
    bar.style.width = `${Math.round((100 * done) / boxes.length)}%`;
  };

  form.addEventListener("change", (event) => {
    const missed = event.target.closest("input[data-missed]");
    if (missed) {
      // a set is done or missed, never both
      const done = missed.closest(".workout-set").querySelector("input[data-set]");
      if (missed.checked && done && done.checked) { done.checked = false; progress(); }
      return;
    }
    const box = event.target.closest("input[data-set]");
    if (!box) return;
    const miss = box.closest(".workout-set").querySelector("input[data-missed]");
    if (box.checked && miss) miss.checked = false;
    progress();
    if (box.checked) {
      const card = box.closest("[data-rest]");
      const rest = card ? parseInt(card.dataset.rest, 10) : 60;
      if (rest > 0) start(rest);  // 0 s rest is the plan's choice: no timer
      else stop(false);
    }
  });
  timer.addEventListener("click", (event) => {
    const button = event.target.closest("[data-timer]");
    if (!button) return;
    if (button.dataset.timer === "add") { left += 15; show(); }
    else stop(false);
  });
  progress();
})();
