// The guided routine player. It walks the timeline the server computed (each step per side),
// the same rules as the terminal player: time passes, pause, skip, back (restart the step, or
// the one before when it has only just begun). A short tone marks each change; reading the
// step aloud is optional and off by default; the screen stays awake where the browser allows.
// `?speed=N` runs the clock N times faster (for demos and tests). When the routine ends, the
// completion is posted with the page's CSRF token.
(() => {
  "use strict";
  const root = document.getElementById("player");
  const dataNode = document.getElementById("player-data");
  if (!root || !dataNode) return;

  const data = JSON.parse(dataNode.textContent);
  const segments = data.segments;
  const total = data.total;
  const BACK_GRACE = 2;
  const requested = parseFloat(new URLSearchParams(window.location.search).get("speed") || "1");
  const speed = Number.isFinite(requested) ? Math.min(Math.max(requested, 0.1), 1000) : 1;

  const $ = (id) => document.getElementById(id);
  const ui = {
    count: $("player-count"), step: $("player-step"), dose: $("player-dose"), cue: $("player-cue"),
    leftStep: $("player-left-step"), leftTotal: $("player-left-total"), progress: $("player-progress"),
    next: $("player-next"), back: $("player-back"), toggle: $("player-toggle"), skip: $("player-skip"),
    sound: $("player-sound"), speak: $("player-speak"), speakLabel: $("player-speak-label"),
    done: $("player-done"), manual: $("player-manual"),
  };

  // `ranOut`: steps whose clock ran to the end (not skipped). A routine whose every step was
  // skipped is not a routine done, so it is not logged.
  const state = { current: 0, elapsed: 0, played: 0, ranOut: 0, running: false, started: false, finished: false };
  let last = 0;
  let timer = null;
  let audio = null;
  let wakeLock = null;

  const clock = (seconds) => {
    const whole = Math.max(0, Math.ceil(seconds - 1e-6));
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  };
  const line = (seg) => (seg ? `${seg.label} · ${seg.dose}` : "the end");

  // --- sound, speech, wake lock ---------------------------------------------------------
  function beep(frequency, seconds) {
    if (!ui.sound.checked) return;
    try {
      if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      const now = audio.currentTime;
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now);
      gain.gain.exponentialRampToValueAtTime(0.25, now + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + seconds);
      osc.connect(gain).connect(audio.destination);
      osc.start(now);
      osc.stop(now + seconds + 0.05);
    } catch (e) {
      // No Web Audio here; the player works silently.
    }
  }

  const canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;
  if (canSpeak) {
    ui.speakLabel.hidden = false;
    ui.speak.checked = window.localStorage.getItem("yolvarex.player.speak") === "1";
    ui.speak.addEventListener("change", () => {
      window.localStorage.setItem("yolvarex.player.speak", ui.speak.checked ? "1" : "0");
      if (!ui.speak.checked) window.speechSynthesis.cancel();
    });
  }
  function say(text) {
    if (!canSpeak || !ui.speak.checked) return;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  async function keepAwake() {
    if (!("wakeLock" in navigator) || wakeLock) return;
    try {
      wakeLock = await navigator.wakeLock.request("screen");
      wakeLock.addEventListener("release", () => { wakeLock = null; });
    } catch (e) {
      wakeLock = null; // Not allowed here (battery saver, no user gesture); nothing breaks.
    }
  }
  function letSleep() {
    if (wakeLock) wakeLock.release().catch(() => {});
    wakeLock = null;
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && state.running) keepAwake();
  });

  // --- the player itself ----------------------------------------------------------------
  function position() {
    return state.finished ? total : segments[state.current].start + state.elapsed;
  }

  // The illustration of the current step's movement (one is drawn per movement).
  function showFigure(movement) {
    document.querySelectorAll("#player-figures .player-figure").forEach((el) => {
      el.hidden = el.dataset.movement !== movement;
    });
  }

  function render() {
    const seg = state.finished ? null : segments[state.current];
    if (seg) {
      ui.count.textContent = `Step ${state.current + 1} of ${segments.length}`;
      if (ui.step.textContent !== seg.label) ui.step.textContent = seg.label;
      ui.dose.textContent = seg.dose;
      ui.cue.textContent = seg.cue;
      ui.leftStep.textContent = clock(seg.seconds - state.elapsed);
      ui.next.textContent = line(segments[state.current + 1]);
      showFigure(seg.movement);
    } else {
      ui.count.textContent = `All ${segments.length} steps done`;
      ui.step.textContent = state.ranOut ? "Routine complete" : "Every step skipped";
      ui.dose.textContent = "";
      ui.cue.textContent = state.ranOut ? "Well done. Take a moment before you move on." : "";
      ui.leftStep.textContent = clock(0);
      ui.next.textContent = "the end";
    }
    const at = position();
    ui.progress.value = at;
    ui.progress.textContent = `${Math.round((100 * at) / total)}%`;
    ui.leftTotal.textContent = clock(total - at);
    ui.toggle.textContent = state.finished ? "Done" : !state.started ? "Start" : state.running ? "Pause" : "Resume";
    ui.toggle.setAttribute("aria-pressed", state.started && !state.running && !state.finished ? "true" : "false");
    ui.toggle.disabled = state.finished;
    ui.back.disabled = !state.started || state.finished;
    ui.skip.disabled = !state.started || state.finished;
    root.classList.toggle("is-paused", state.started && !state.running && !state.finished);
  }

  function changed() {
    if (state.finished) return;
    const seg = segments[state.current];
    beep(880, 0.15);
    say(`${seg.label}. ${seg.cue}`);
  }

  function advance(seconds) {
    if (!state.running || state.finished || seconds <= 0) return;
    const before = state.current;
    state.elapsed += seconds;
    state.played += seconds;
    while (state.current < segments.length && state.elapsed >= segments[state.current].seconds) {
      state.elapsed -= segments[state.current].seconds;
      state.current += 1;
      state.ranOut += 1;
    }
    if (state.current >= segments.length) {
      state.played -= state.elapsed;
      state.elapsed = 0;
      finish();
    } else if (state.current !== before) {
      changed();
    }
  }

  function loop() {
    const now = performance.now();
    advance(((now - last) / 1000) * speed);
    last = now;
    render();
  }

  function toggle() {
    if (state.finished) return;
    if (!state.started) {
      state.started = true;
      beep(660, 0.12);
      say(`${segments[0].label}. ${segments[0].cue}`);
    }
    state.running = !state.running;
    last = performance.now();
    if (state.running) {
      keepAwake();
      if (!timer) timer = window.setInterval(loop, 100);
    } else {
      letSleep();
    }
    render();
  }

  function skip() {
    if (!state.started || state.finished) return;
    state.current += 1;
    state.elapsed = 0;
    if (state.current >= segments.length) finish();
    else changed();
    render();
  }

  function back() {
    if (!state.started || state.finished) return;
    if (state.elapsed <= BACK_GRACE && state.current > 0) {
      state.current -= 1;
    }
    state.elapsed = 0;
    changed();
    render();
  }

  function finish() {
    if (state.finished) return;
    state.finished = true;
    state.running = false;
    if (timer) window.clearInterval(timer);
    timer = null;
    letSleep();
    beep(523, 0.4);
    say("Routine complete. Well done.");
    render();
    ui.done.hidden = false;
    ui.done.scrollIntoView({ block: "nearest" });
    if (state.ranOut === 0) {
      ui.done.textContent = "Every step was skipped, so nothing was logged. Play it again when you have a few minutes, or use “Log it as done” below if you did it anyway.";
      return;
    }
    logCompletion();
  }

  async function logCompletion() {
    ui.done.hidden = false;
    ui.done.textContent = "Saving to your log…";
    try {
      const response = await fetch(root.dataset.completeUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json",
                   "X-CSRF-Token": root.dataset.csrf },
        body: JSON.stringify({ seconds: Math.max(1, Math.round(state.played)) }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const result = await response.json();
      ui.done.textContent = `Logged. Your routine streak is ${result.streak}.`;
      root.classList.add("is-logged");
      if (ui.manual) ui.manual.hidden = true;
    } catch (e) {
      ui.done.textContent = "Could not save it to your log. Use “Log it as done” below.";
    }
  }

  ui.toggle.addEventListener("click", toggle);
  ui.skip.addEventListener("click", skip);
  ui.back.addEventListener("click", back);
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if (event.key === " " || event.key === "Spacebar") {
      if (tag === "BUTTON" || tag === "A" || tag === "SUMMARY") return; // they click on their own
      event.preventDefault();
      toggle();
    } else if (event.key === "ArrowRight" || event.key === "n") {
      event.preventDefault();
      skip();
    } else if (event.key === "ArrowLeft" || event.key === "b") {
      event.preventDefault();
      back();
    }
  });

  ui.toggle.disabled = false;
  render();
  // The skip link straight to Start: one Tab and Enter from the top of the page.
  document.querySelectorAll("a[data-focus='player-toggle']").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      ui.toggle.focus();
    });
  });
})();
