// News brief editor: send the article, show the brief, highlight the article words an item
// points at. Offsets from the server are Python string indexes (code points), so the article
// is split with Array.from, never indexed as UTF-16.
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

  let articleChars = [];  // the article as sent, one entry per code point
  let markdown = "";
  let timer = null;
  let controller = null;

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
    const tick = () => {
      const seconds = Math.floor((Date.now() - started) / 1000);
      setStatus(`Summarising with ${engineLabel}…`, true, ` ${seconds} s`);
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
    controller = new AbortController();
    setBusy(true, engineLabel);
    try {
      const response = await fetch("/v1/briefs?format=bundle", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ text: text, engine: engineSelect.value }),
        signal: controller.signal,
      });
      if (!response.ok) {
        const [title, detail] = await readProblem(response);
        setStatus("", false);
        showError(title, detail);
        return;
      }
      showBrief(await response.json(), text, (Date.now() - started) / 1000);
    } catch (err) {
      setStatus("", false);
      if (err.name === "AbortError") {
        setStatus("Cancelled.", false);
      } else {
        showError("Could not reach the server",
          `${err.message}. Check your connection and that the service is running, then try again.`);
      }
    } finally {
      setBusy(false);
      controller = null;
    }
  }

  function showBrief(bundle, text, seconds) {
    articleChars = Array.from(text);
    markdown = bundle.markdown;
    markdownText.value = markdown;
    briefView.innerHTML = bundle.html;  // rendered by the server with autoescape
    renderArticle([]);
    result.hidden = false;
    const meta = bundle.summary.meta;
    const warnings = meta.warnings.length ? `, ${meta.warnings.length} warning(s)` : "";
    setStatus(`Brief ready in ${seconds.toFixed(1)} s (engine ${meta.engine}${warnings}).`, false);
    $("brief-title").focus();
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
