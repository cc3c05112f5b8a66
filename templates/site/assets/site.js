/* JAIPA Express archive: search across all issues with Pagefind.
 *
 * A classic script (not a module) so that the page works from disk too.  Pagefind's
 * index is loaded with import() and fetch(), which browsers refuse for file:// pages:
 * there the search box says so politely and everything else keeps working.
 */
(function () {
  "use strict";

  var root = document.documentElement.getAttribute("data-root") || "";
  var form = document.querySelector("[data-search-form]");
  var panel = document.getElementById("search-results");
  if (!form || !panel) { return; }
  var input = form.querySelector("input[type=search]");
  var status = panel.querySelector("[data-search-status]");
  var list = panel.querySelector("[data-search-list]");
  var fromDisk = window.location.protocol === "file:";
  var MAX_RESULTS = 30;
  var MAX_CANDIDATES = 100;
  var pagefind = null;
  var latest = 0;
  var timer = null;

  var UNAVAILABLE_DISK =
    "このページはファイルとして直接開かれているため、検索はお使いいただけません。" +
    "検索は、サイトを Web サーバーに置いたとき（または express serve で表示したとき）にご利用いただけます。" +
    "記事は各号の目次からお読みください。";
  var UNAVAILABLE =
    "申し訳ありません。ただいま検索をご利用いただけません。記事は各号の目次からお読みください。";

  function siteUrl(path) {
    return new URL(root + String(path).replace(/^\/+/, ""), document.baseURI).href;
  }

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(siteUrl("pagefind/pagefind.js")).then(function (pf) {
        return Promise.resolve(pf.options({ excerptLength: 24 })).then(function () {
          return pf;
        });
      });
    }
    return pagefind;
  }

  function show(message) {
    panel.hidden = false;
    status.textContent = message;
  }

  function clear() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
  }

  /* Pagefind's excerpt is HTML with <mark> around hits: keep text and marks only. */
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function render(query, items) {
    clear();
    items.forEach(function (data) {
      var li = document.createElement("li");
      li.className = "search-hit";
      var a = document.createElement("a");
      a.className = "search-hit__link";
      a.href = siteUrl(data.url);
      a.textContent = (data.meta && data.meta.title) || data.url;
      li.appendChild(a);
      if (data.meta && data.meta.ocr) {  // a back issue's scanned page: words read by OCR
        var ocr = document.createElement("span");
        ocr.className = "badge badge--ocr";
        ocr.textContent = "OCR";
        ocr.title = "スキャンした誌面を OCR で読み取った文字です。読み誤りがあることがあります。";
        li.appendChild(ocr);
      }
      if (data.meta && data.meta.issue) {
        var issue = document.createElement("span");
        issue.className = "search-hit__issue";
        issue.textContent = data.meta.issue + (data.meta.page ? "・誌面（PDF）" : "");
        li.appendChild(issue);
      }
      var p = document.createElement("p");
      p.className = "search-hit__excerpt";
      p.appendChild(excerptNodes(data.excerpt || ""));
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  /* Pagefind segments Japanese with a dictionary, but short runs of kanji alone (titles,
   * names, table cells) are taken for Chinese and split into single characters, so
   * 「久米島」 in a heading is indexed as 久・米・島 and a search for 久米島 misses it; and
   * a query in kana alone is split into pieces that match pages without the word.  A
   * Japanese query (anything beyond ASCII) therefore also fetches the pages with a word
   * starting with its first character, and keeps only the pages whose text really
   * contains the query: a substring search on top of the word index, so that
   * 「…を含む記事」 is true.  Query and text are compared in NFKC (ＩＳＰ is ISP). */
  var JAPANESE = /[^\u0000-\u007f]/;
  var ZWSP = /\u200b/g;
  /* Whitespace next to a Japanese character: a line end or spacing in a PDF's text, or a
   * space typed between words of a query; ignored when comparing (as
   * express/backcatalogue/normalise.py drops it from a back issue's text). */
  var KANA_KANJI = "\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf" +
    "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef";
  var SPACE_BY_JAPANESE = new RegExp(
    "\\s+(?=[" + KANA_KANJI + "])|([" + KANA_KANJI + "])\\s+", "g");

  function normalise(text) {
    return text.replace(ZWSP, "").normalize("NFKC").toLowerCase()
      .replace(SPACE_BY_JAPANESE, "$1");
  }

  function ownExcerpt(data, query) {
    var text = (data.content || "").replace(ZWSP, "");
    var at = text.toLowerCase().indexOf(query.toLowerCase());
    if (at < 0) { return data.excerpt || ""; }
    var from = Math.max(0, at - 40);
    var to = Math.min(text.length, at + query.length + 60);
    var esc = function (s) {
      return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    };
    return (from > 0 ? "…" : "") + esc(text.slice(from, at)) + "<mark>" +
      esc(text.slice(at, at + query.length)) + "</mark>" +
      esc(text.slice(at + query.length, to)) + (to < text.length ? "…" : "");
  }

  function findAll(pf, query) {
    var searches = [pf.search(query)];
    var chars = Array.from(query.replace(/\s+/g, ""));
    var bySubstring = JAPANESE.test(query);
    if (bySubstring && chars.length > 1) { searches.push(pf.search(chars[0])); }
    return Promise.all(searches).then(function (found) {
      var seen = {};
      var words = (found[0] ? found[0].results : []).slice(0, MAX_RESULTS);
      var extra = found[1] ? found[1].results.slice(0, MAX_CANDIDATES) : [];
      words.forEach(function (r) { seen[r.id] = true; });
      extra = extra.filter(function (r) { return !seen[r.id]; });
      var want = normalise(query.trim());
      return Promise.all(words.concat(extra).map(function (r) { return r.data(); }))
        .then(function (all) {
          var contains = function (d) { return normalise(d.content || "").indexOf(want) >= 0; };
          // a Latin query keeps the word index's hits (stems, other forms); a Japanese one
          // only the pages that contain it
          var kept = bySubstring ? all.filter(contains) : all.slice(0, words.length);
          return kept.map(function (d) {
            if (contains(d)) { d.excerpt = ownExcerpt(d, query.trim()); }
            return d;
          });
        });
    });
  }

  function search(query) {
    var ticket = ++latest;
    query = query.normalize("NFKC").trim();  // ＩＳＰ and ｸﾗｳﾄﾞ as ISP and クラウド
    if (!query) {
      clear();
      panel.hidden = true;
      return;
    }
    if (fromDisk && !pagefind) {
      clear();
      show(UNAVAILABLE_DISK);
    }
    loadPagefind().then(function (pf) {
      return findAll(pf, query);
    }).then(function (items) {
      if (ticket !== latest) { return; }
      render(query, items.slice(0, MAX_RESULTS));
      show(items.length
        ? "「" + query + "」を含む記事・誌面：" + items.length + "件" +
          (items.length > MAX_RESULTS ? "（上位" + MAX_RESULTS + "件を表示）" : "")
        : "「" + query + "」を含む記事・誌面は見つかりませんでした。別のことばでお試しください。");
    }).catch(function () {
      pagefind = null;
      if (ticket !== latest) { return; }
      clear();
      show(fromDisk ? UNAVAILABLE_DISK : UNAVAILABLE);
    });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { search(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search(input.value);
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      window.history.replaceState(null, "", url.href);
    } catch (e) { /* file:// may refuse: the search still ran */ }
  });
  if (fromDisk) {
    input.addEventListener("focus", function () {
      if (!input.value) { show(UNAVAILABLE_DISK); }
    }, { once: true });
  }

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
