// Import page: drag and drop several files, upload them one by one with a progress bar each,
// and show each file's result as it arrives; above them, the whole batch: files done, MB sent
// and read, and the time left at the pace so far. Without this file the form posts them all
// at once.
(() => {
  const form = document.getElementById("import-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const input = document.getElementById("import-files");
  const drop = document.getElementById("import-drop");
  const card = document.getElementById("import-results-card");
  const list = document.getElementById("import-results");
  const token = form.querySelector("input[name=csrf_token]").value;
  const error = document.getElementById("import-error");
  const summary = document.getElementById("import-summary");
  const logLink = document.getElementById("import-log-link");
  const batch = document.getElementById("import-batch");
  const batchBar = document.getElementById("import-batch-bar");
  const batchText = document.getElementById("import-batch-text");
  const queue = [];
  let busy = false;
  // the batch so far: files and bytes chosen and done, when it started
  const totals = { files: 0, bytes: 0, doneFiles: 0, doneBytes: 0, current: 0, started: 0 };

  const mb = (bytes) => (bytes / 1e6).toFixed(1);

  function seconds(s) {
    if (s < 60) return `${Math.max(1, Math.round(s))} s`;
    return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  }

  // "3 of 10 files · 1.2 of 5.4 MB · about 20 s left"; done: "in 12 s"
  function showBatch() {
    const sent = totals.doneBytes + totals.current;
    const share = totals.bytes ? sent / totals.bytes : totals.doneFiles / Math.max(totals.files, 1);
    batchBar.value = Math.round(share * 100);
    const elapsed = (Date.now() - totals.started) / 1000;
    let when = "";
    if (totals.doneFiles === totals.files) when = ` · done in ${seconds(elapsed)}`;
    else if (sent > 0 && elapsed > 1) when = ` · about ${seconds(elapsed * (totals.bytes - sent) / sent)} left`;
    batchText.textContent = `${totals.doneFiles} of ${totals.files} files · ${mb(sent)} of ${mb(totals.bytes)} MB${when}`;
  }

  const fragment = (html) => document.createRange().createContextualFragment(html);

  function addFile(file) {
    const item = document.createElement("li");
    item.className = "import-result import-pending";
    const line = document.createElement("p");
    line.className = "import-line";
    const name = document.createElement("b");
    name.className = "import-file";
    name.textContent = file.name;
    const status = document.createElement("span");
    status.className = "tag import-status";
    status.textContent = "Waiting";
    line.append(status, " ", name);
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", `Upload of ${file.name}`);
    item.append(line, bar);
    list.append(item);
    queue.push({ file, item, bar, status });
  }

  // After the last upload: "N imported" and a log link to the week of the newest activity.
  function summarise() {
    const count = (status) => list.querySelectorAll(`.import-result.import-${status}`).length;
    const imported = count("imported");
    const failed = count("failed");
    summary.textContent = `${imported} imported, ${count("duplicate")} already in your log, ${failed} not imported.`;
    const days = Array.from(list.querySelectorAll("[data-day]"), (node) => node.dataset.day).sort();
    if (days.length) logLink.href = `/log?week=${days[days.length - 1]}`;
  }

  function next() {
    if (!busy && !queue.length) summarise();
    if (busy || !queue.length) return;
    busy = true;
    const job = queue.shift();
    job.status.textContent = "Uploading";
    const data = new FormData();
    data.append("csrf_token", token);
    data.append("files", job.file, job.file.name);
    if (job.file.lastModified) data.append("modified", String(job.file.lastModified));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/import/file");
    xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      job.bar.value = Math.round((e.loaded / e.total) * 100);
      totals.current = Math.min(job.file.size, e.loaded);
      showBatch();
    });
    xhr.upload.addEventListener("load", () => { job.status.textContent = "Reading"; });
    const done = () => {
      busy = false;
      totals.doneFiles += 1;
      totals.doneBytes += job.file.size;
      totals.current = 0;
      showBatch();
      next();
    };
    xhr.addEventListener("load", () => {
      if (xhr.status < 500 && xhr.responseText.includes("import-result")) {
        const nodes = fragment(xhr.responseText);
        const added = Array.from(nodes.children);
        job.item.replaceWith(nodes);
        // An archive answers with a job that HTMX keeps asking about until it is done.
        if (window.htmx) added.forEach((node) => window.htmx.process(node));
      } else {
        const text = xhr.status === 413 ? "Too large to upload." : "The upload failed; try again.";
        job.status.textContent = "Not imported";
        job.item.className = "import-result import-failed";
        job.bar.replaceWith(Object.assign(document.createElement("p"), { className: "field-error", textContent: text }));
      }
      done();
    });
    xhr.addEventListener("error", () => {
      job.status.textContent = "Not imported";
      job.item.className = "import-result import-failed";
      job.bar.replaceWith(Object.assign(document.createElement("p"), { className: "field-error", textContent: "The connection failed; try again." }));
      done();
    });
    xhr.send(data);
  }

  function take(files) {
    if (!files || !files.length) {
      error.textContent = "Choose at least one file to import.";
      error.hidden = false;
      input.focus();
      return;
    }
    error.hidden = true;
    summary.textContent = "";
    card.hidden = false;
    if (totals.doneFiles === totals.files) Object.assign(totals, { files: 0, bytes: 0, doneFiles: 0, doneBytes: 0, started: Date.now() });
    for (const file of files) {
      addFile(file);
      totals.files += 1;
      totals.bytes += file.size;
    }
    batch.hidden = false;
    showBatch();
    next();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    take(input.files);
    form.reset();
  });
  input.addEventListener("change", () => { if (input.files.length) { take(input.files); form.reset(); } });
  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add("import-over");
  }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.remove("import-over");
  }));
  drop.addEventListener("drop", (e) => take(e.dataTransfer && e.dataTransfer.files));
})();
