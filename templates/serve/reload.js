// express serve: reload the page when a build finishes (or fails), so a save shows at once.
// The server sends the current build generation on /__express/events (Server-Sent Events);
// the page knows the generation it was served with.
(() => {
  const served = document.currentScript?.dataset.generation;
  const events = new EventSource("/__express/events");
  events.onmessage = (event) => {
    if (event.data !== served) {
      events.close();
      location.reload();
    }
  };
})();
