// News brief editor: send the article, show the brief, highlight the article words an item
// points at. Offsets from the server are Python string indexes (code points), so the article
// is split with Array.from, never indexed as UTF-16.
// The brief is streamed (server-sent events over fetch, since EventSource cannot POST): with a
// model engine the extractive brief comes at once and the model's replaces it when it arrives.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("brief-form");
  const input = $("article-input");
  const fileInput = $("article-file");
  const engineSelect = $("engine");
  const submitButton = $("submit");
  const cancelButton = $("cancel");
  const spinner = document.querySelector("#status .spinner");
  const statusText = $("status-text");
  const errorBox = $("error");
  const result = $("result");
  const briefView = $("brief-view");
  const articleView = $("article-view");
  const markdownText = $("markdown-text");
  const briefState = $("brief-state");

  let articleChars = [];  // the article as sent, one entry per code point
  let markdown = "";
  let timer = null;
  let controller = null;
  let busyText = "";  // what the status says while waiting, before the seconds counter

  const statusElapsed = $("status-elapsed");

  // the seconds counter is aria-hidden: screen readers hear "Summarising…" once, not every tick
  function setStatus(text, busy, elapsed) {
    if (statusText.textContent !== text) statusText.textContent = text;
    statusElapsed.textContent = elapsed || "";
    spinner.hidden = !busy;
  }

  function showError(title, detail) {
    errorBox.replaceChildren();
    const strong = document.createElement("strong");
    strong.textContent = title;
    errorBox.append(strong);
    if (detail) {
      const p = document.createElement("p");
      p.textContent = detail;
      errorBox.append(p);
    }
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.replaceChildren();
  }

  function updateCount() {
    $("char-count").textContent = Array.from(input.value).length.toLocaleString("en");
  }

  function setBusy(busy, engineLabel) {
    submitButton.disabled = busy;
    submitButton.textContent = busy ? "Summarising…" : "Summarise";
    cancelButton.hidden = !busy;
    form.setAttribute("aria-busy", busy ? "true" : "false");
    clearInterval(timer);
    if (!busy) return;
    const started = Date.now();
    busyText = `Summarising with ${engineLabel}…`;
    const tick = () => {
      const seconds = Math.floor((Date.now() - started) / 1000);
      setStatus(busyText, true, ` ${seconds} s`);
    };
    tick();
    timer = setInterval(tick, 1000);
  }

  async function readProblem(response) {
    const type = response.headers.get("content-type") || "";
    if (type.includes("json")) {
      try {
        const body = await response.json();
        return [body.title || `Error ${response.status}`, body.detail || ""];
      } catch (e) { /* fall through to the generic message */ }
    }
    return [`Error ${response.status}`, `The server answered ${response.status} ${response.statusText}.`];
  }

  async function summarise(event) {
    event.preventDefault();
    clearError();
    const text = input.value;
    if (!text.trim()) {
      showError("Nothing to summarise", "Paste an article into the text box or load a .txt file first.");
      input.focus();
      return;
    }
    const engineLabel = engineSelect.options[engineSelect.selectedIndex].text;
    const started = Date.now();
    const elapsed = () => (Date.now() - started) / 1000;
    const run = { preview: false, finished: false };
    controller = new AbortController();
    setBusy(true, engineLabel);
    showModelWorking(false);
    try {
      const response = await fetch("/v1/briefs?format=bundle", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
        body: JSON.stringify({ text: text, engine: engineSelect.value }),
        signal: controller.signal,
      });
      if (!response.ok) {
        const [title, detail] = await readProblem(response);
        setStatus("", false);
        showError(title, detail);
        return;
      }
      if (!(response.headers.get("content-type") || "").includes("text/event-stream")) {
        finish(await response.json(), text, elapsed());  // a proxy that answered JSON
        return;
      }
      await readEvents(response, (name, data) => onEvent(name, data, text, elapsed(), run));
      if (!run.finished) {
        modelFailed(run, "The connection closed early",
          "The server stopped before the brief was finished. Try again.");
      }
    } catch (err) {
      setStatus("", false);
      if (err.name === "AbortError") {
        setStatus(run.preview ? "Cancelled; the extractive brief is shown." : "Cancelled.", false);
      } else {
        modelFailed(run, "Could not reach the server",
          `${err.message}. Check your connection and that the service is running, then try again.`);
      }
    } finally {
      showModelWorking(false);
      setBusy(false);
      controller = null;
    }
  }

  // one server-sent event: `extractive` (shown at once), then `final` or `error`
  function onEvent(name, data, text, seconds, run) {
    if (name === "extractive") {
      run.preview = true;
      showBrief(JSON.parse(data), text);
      $("brief-title").focus();
      busyText = `Extractive brief shown in ${seconds.toFixed(1)} s; the model is working…`;
      setStatus(busyText, true, statusElapsed.textContent);
      showModelWorking(true);
    } else if (name === "final") {
      run.finished = true;
      finish(JSON.parse(data), text, seconds, run.preview);
    } else if (name === "error") {
      run.finished = true;
      const problem = JSON.parse(data);
      modelFailed(run, problem.title || `Error ${problem.status}`, problem.detail || "");
    }
  }

  function finish(bundle, text, seconds, replacing) {
    showBrief(bundle, text);
    if (!replacing) $("brief-title").focus();  // an update must not move the reader's focus
    const meta = bundle.summary.meta;
    const warnings = meta.warnings.length ? `, ${meta.warnings.length} warning(s)` : "";
    const what = replacing ? "Model brief ready" : "Brief ready";
    setStatus(`${what} in ${seconds.toFixed(1)} s (engine ${meta.engine}${warnings}).`, false);
  }

  // with an extractive brief on screen, a failing model is a note: that brief stays valid
  function modelFailed(run, title, detail) {
    setStatus(run.preview ? "The extractive brief is shown; the model did not finish." : "", false);
    if (run.preview) {
      const sentence = !detail || /[.!?]$/.test(detail) ? detail : `${detail}.`;
      showError(`The model could not finish: ${title}`,
        `${sentence} The extractive brief below is complete and stays valid.`.trim());
    } else {
      showError(title, detail);
    }
  }

  function showModelWorking(working) {
    briefState.hidden = !working;
    result.setAttribute("aria-busy", working ? "true" : "false");
  }

  function showBrief(bundle, text) {
    articleChars = Array.from(text);
    markdown = bundle.markdown;
    markdownText.value = markdown;
    briefView.innerHTML = bundle.html;  // rendered by the server with autoescape
    briefView.dataset.engine = bundle.summary.meta.engine;
    renderArticle([]);
    result.hidden = false;
  }

  // server-sent events from a fetch body: blocks split by a blank line, `event:` and `data:`
  // fields, `:` comments (the server's keep-alives) skipped
  async function readEvents(response, onEvent) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      // a CR at the end may be half of a CRLF: normalise it with the next chunk
      const cut = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      buffer = buffer.slice(0, cut).replace(/\r\n?/g, "\n") + buffer.slice(cut);
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        dispatch(buffer.slice(0, end), onEvent);
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function dispatch(block, onEvent) {
    let name = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") name = value;
      else if (field === "data") data.push(value);
    }
    if (data.length) onEvent(name, data.join("\n"));
  }

  function parseSpans(value) {
    return (value || "").split(/\s+/).filter(Boolean).map((pair) => pair.split(":").map(Number))
      .filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && e > s)
      .sort((a, b) => a[0] - b[0]);
  }

  function renderArticle(spans) {
    const nodes = [];
    let at = 0;
    for (const [start, end] of spans) {
      const from = Math.max(start, at);
      if (end <= from) continue;
      nodes.push(document.createTextNode(articleChars.slice(at, from).join("")));
      const mark = document.createElement("mark");
      mark.className = "hl";
      mark.textContent = articleChars.slice(from, end).join("");
      nodes.push(mark);
      at = end;
    }
    nodes.push(document.createTextNode(articleChars.slice(at).join("")));
    articleView.replaceChildren(...nodes);
  }

  function highlight(item) {
    briefView.querySelectorAll("[data-spans].active").forEach((el) => el.classList.remove("active"));
    item.classList.add("active");
    const spans = parseSpans(item.dataset.spans);
    renderArticle(spans);
    const first = articleView.querySelector("mark");
    if (first) {
      first.scrollIntoView({ block: "center" });
      setStatus(`Highlighted in the article: “${first.textContent}”`, false);
    } else {
      setStatus("This item has no words in the article to highlight.", false);
    }
  }

  async function copyMarkdown() {
    try {
      await navigator.clipboard.writeText(markdown);
      setStatus("Brief copied as Markdown.", false);
      return;
    } catch (e) { /* no clipboard API or no permission: fall back */ }
    const scratch = document.createElement("textarea");
    scratch.value = markdown;
    scratch.setAttribute("readonly", "");
    scratch.style.position = "fixed";
    scratch.style.opacity = "0";
    document.body.append(scratch);
    scratch.select();
    const copied = document.execCommand && document.execCommand("copy");
    scratch.remove();
    if (copied) {
      setStatus("Brief copied as Markdown.", false);
    } else {
      showError("Copy failed", "Your browser blocked the clipboard. Open “Show the Markdown” and copy it by hand.");
    }
  }

  async function loadFile() {
    const file = fileInput.files[0];
    if (!file) return;
    clearError();
    if (!/\.txt$/i.test(file.name) && file.type !== "text/plain") {
      showError("Not a text file", `“${file.name}” is not a .txt file. Save the article as plain text first.`);
      return;
    }
    input.value = await file.text();
    updateCount();
    setStatus(`Loaded “${file.name}”.`, false);
  }

  form.addEventListener("submit", summarise);
  cancelButton.addEventListener("click", () => controller && controller.abort());
  input.addEventListener("input", updateCount);
  fileInput.addEventListener("change", loadFile);
  $("copy-markdown").addEventListener("click", copyMarkdown);
  briefView.addEventListener("click", (event) => {
    const item = event.target.closest("[data-spans]");
    if (item && briefView.contains(item)) highlight(item);
  });
  updateCount();
})();
