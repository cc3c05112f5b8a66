// express serve: reload the page when a build finishes (or fails), so a save shows at once.
// The server sends the current build generation on /__express/events (Server-Sent Events);
// the page knows the generation it was served with.  A save's pages come before its PDF:
// while the PDF is being set its links are marked, and when it is done (a "pdf" event)
// they point at the new file, without reloading the page.
(() => {
  const script = document.currentScript;
  const served = script?.dataset.generation;
  const root = document.documentElement;
  const pdfLinks = () => document.querySelectorAll('a[href*=".pdf"]');
  if (script?.dataset.pdfPending !== undefined) root.classList.add("express-pdf-pending");
  const events = new EventSource("/__express/events");
  events.onmessage = (event) => {
    if (event.data !== served) {
      events.close();
      location.reload();
    }
  };
  events.addEventListener("pdf", (event) => {
    if (event.data === script?.dataset.pdfs) return;
    for (const link of pdfLinks()) {
      const url = new URL(link.href);
      url.searchParams.set("v", event.data);  // a new address: a viewer opens the new file
      link.href = url.href;
    }
    root.classList.remove("express-pdf-pending");
  });
})();
