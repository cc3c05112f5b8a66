"""One ``express serve`` run: build, serve, watch, rebuild on save, until Ctrl+C.

A save of an issue is shown in three steps, each as soon as it can be: the issue's pages,
rendered in memory from the issue as just loaded (express/serve/fresh.py), and the open
pages reload; then its PDF, typeset and published in ``build/pdf``, and the pages' PDF
links point at it; then, in the background once saves pause (a burst of saves is indexed
once), the whole site with its covers and search index, published in ``build/site``.
The process stays warm between saves (express/warm.py): modules, fonts, templates, the
issues as loaded and the search service are kept.  Every write to ``build/`` goes
through ``build()``, so it is published whole, under the project's lock, as by
``express build``.

Bad input never ends the preview: a failed build prints its diagnostics, keeps the last
good site served with the errors shown over every page, and is tried again (with the
issues it covered) on the next save.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from express.diagnostics import Diagnostics, environment_error
from express.messages import message
from express.project import Project
from express.serve.fresh import Fresh, prime, refresh
from express.serve.pages import Chrome
from express.serve.plan import EVERYTHING, Plan, plan_for
from express.serve.server import make_server, needs_build
from express.serve.status import Status
from express.serve.watch import Watcher, watched_folders
from express.warm import Warm

Echo = Callable[..., None]  # click.echo: (text, err=False)
READY_TIMEOUT_S = 10
SITE_QUIET_S = 0.3  # the site waits for saves to pause this long


class Preview:
    def __init__(self, project: Project, echo: Echo) -> None:
        self.project = project
        self.echo = echo
        self.site = project.build / "site"
        self.status = Status()
        self.warm = Warm()
        self.fresh = Fresh()
        self.pending = Plan()  # what the last failed build covered: retried with the next
        self._building = threading.Lock()  # one build() at a time
        self._site_due = threading.Condition()
        self._saves = 0  # saves whose pages and PDFs are done
        self._site_wanted: float | None = None  # when the site was last asked for
        self._closing = False
        self.server = None

    def bind(self, port: int) -> str:
        """Open the port (OSError when it is taken); returns the preview's URL."""
        self.server = make_server(self.site, port, self.status,
                                  Chrome(self.project.templates / "serve"), fresh=self.fresh)
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def run(self, url: str, *, watch: bool = True) -> None:
        """Build if the site is out of date, then serve (and rebuild on save) until Ctrl+C."""
        watcher = Watcher(watched_folders(self.project), self.changed) if watch else None
        site = threading.Thread(target=self._site_loop, name="express-site", daemon=True)
        try:
            if watcher:
                watcher.start()
                if needs_build(self.project):
                    self.build(EVERYTHING, message("serve.start"))
                else:  # what the pages of a save are set from
                    self._guarded(lambda: prime(self.project, self.warm))
                site.start()
                watcher.ready.wait(READY_TIMEOUT_S)
            self.echo(message("serve.listening", path=os.path.relpath(self.site), url=url))
            self.server.serve_forever()
        except KeyboardInterrupt:
            self.echo(message("serve.stopped"), err=True)
        finally:
            with self._site_due:
                self._closing = True
                self._site_due.notify_all()
            self.status.close()
            self.server.server_close()
            if watcher:
                watcher.stop()
                watcher.join(READY_TIMEOUT_S)
            with self._building:  # a site being written is finished, not cut
                self.warm.close()

    def changed(self, paths: set[Path]) -> None:
        """The watcher saw saves: rebuild what they touch, or just reload the pages."""
        plan = plan_for(self.project, paths)
        what = self._describe(paths)
        if plan.builds:
            self.build(plan, what)
        elif plan.reload:
            self.status.publish(self.status.errors, self.status.pdf_pending)
            self.echo(message("serve.reloaded", changed=what))

    def build(self, plan: Plan, why: str) -> bool:
        """The pages of a save, then its PDFs (the site follows: ``_site_loop``); a change
        that touches every page (templates, fonts, the publication) builds everything."""
        from express.fonts.discovery import forget

        forget()  # fonts may have been added or removed since the last build
        plan = plan | self.pending
        started = time.perf_counter()
        if plan.everything:
            with self._building:
                diags = self._build_site()
                self._saves += 1
                if not diags.has_errors:
                    self.fresh.drop(self._saves)
            return self._done(plan, why, diags, started)
        save = self._saves + 1
        ids = sorted(plan.ids)
        diags = self._guarded(lambda: refresh(self.project, self.warm, self.fresh, save, ids))
        if diags is not None:
            if diags.has_errors:
                return self._done(plan, why, diags, started)
            self.status.publish((), pdf_pending=True)  # the pages first
        with self._building:
            made = self._build(ids, site=False)
            self._saves = save
        if not made.has_errors:
            for issue_id in ids:
                pdf = self.project.build / "pdf" / f"{issue_id}.pdf"
                self.fresh.put(save, f"{issue_id}/{issue_id}.pdf", pdf)
        ok = self._done(plan, why, made, started, pages_first=diags is not None)
        self._ask_site()
        return ok

    def _build(self, ids: list[str] | None, site: bool) -> Diagnostics:
        """``build()`` (with the project's lock, taken by it); its diagnostics."""
        from express.build import build

        return self._guarded(lambda: build(self.project, ids, site=site,
                                           waiting=self._waiting, warm=self.warm).diags)

    def _build_site(self) -> Diagnostics:
        """Every issue's PDF and the site, brought up to date; a site that was up to date
        already is read for what a save's pages are set from."""
        known = self.warm.archive
        diags = self._build(None, site=True)
        if not diags.has_errors and self.warm.archive is known:  # the site was kept
            self._guarded(lambda: prime(self.project, self.warm))
        return diags

    @staticmethod
    def _guarded(run: Callable[[], Diagnostics | None]) -> Diagnostics | None:
        try:
            return run()
        except OSError as exc:  # a full disk, a folder made read-only: said as such
            return Diagnostics([environment_error(exc)])
        except Exception as exc:  # a bug in express must not end the preview either
            diags = Diagnostics()
            diags.error(None, "internal.error", kind=type(exc).__name__, detail=str(exc))
            return diags

    def _done(self, plan: Plan, why: str, diags: Diagnostics, started: float,
              pages_first: bool = False) -> bool:
        """Say how a build went, on the terminal and on the open pages."""
        seconds = time.perf_counter() - started
        lines, errors = diags.rendered()
        for line in lines:
            self.echo(line, err=True)
        if errors:
            self.pending = plan
            self.echo(message("serve.failed", changed=why, errors=errors, seconds=seconds),
                      err=True)
            self.status.publish(lines)
        else:
            self.pending = Plan()
            self.echo(message("serve.rebuilt", changed=why, what=self._scope(plan),
                              seconds=seconds))
            if pages_first:
                self.status.pdf_done()
            else:
                self.status.publish(())
        return not errors

    # ------------------------------------------------------------ the site, in the background

    def _ask_site(self) -> None:
        with self._site_due:
            self._site_wanted = time.monotonic()
            self._site_due.notify_all()

    def _site_loop(self) -> None:
        """Make the site whenever saves asked for it and then paused (the renderer and the
        search service are made ready first, so the first save is not slower than the
        next)."""
        self._warm_renderer()
        self.warm.search().warm_up()
        while True:
            with self._site_due:
                while not self._closing and (
                        self._site_wanted is None
                        or time.monotonic() < self._site_wanted + SITE_QUIET_S):
                    wait = None if self._site_wanted is None else \
                        self._site_wanted + SITE_QUIET_S - time.monotonic()
                    self._site_due.wait(wait)
                if self._closing:
                    return
                self._site_wanted = None
            self._make_site()

    def _warm_renderer(self) -> None:
        """The PDF renderer's modules and the templates' fonts loaded (~0.25 s, a quarter
        of the first save's PDF otherwise)."""
        from express.typeset import warm_up

        with self._building:
            archive = self.warm.archive
            if archive is not None:
                self._guarded(lambda: warm_up(self.project, archive.issues, None))

    def _make_site(self) -> None:
        started = time.perf_counter()
        with self._building:
            save = self._saves
            covers = self._covers()
            diags = self._build_site()
        lines, errors = diags.rendered()
        if errors:  # (an error in another issue: the site includes every issue or none)
            for line in lines:
                self.echo(line, err=True)
            self.echo(message("serve.site_failed", errors=errors), err=True)
            self.status.publish(lines)
            return
        # open pages reload only if they would show something new (a PDF's size, a cover,
        # a photo just added): an editor reading the page is not disturbed for nothing
        anew = self.fresh.differs(self.site, save) or self._covers() != covers
        self.fresh.drop(save)
        self.echo(message("serve.site_done", seconds=time.perf_counter() - started))
        errors = self.status.errors if self.pending.builds else ()
        if anew or errors != self.status.errors:
            self.status.publish(errors, self.status.pdf_pending)

    def _covers(self) -> dict[str, bytes | None]:
        """The cover pictures of the issues with pages set ahead of the site."""
        out = {}
        for issue_id in self.fresh.issues():
            try:
                out[issue_id] = (self.site / issue_id / "cover.webp").read_bytes()
            except OSError:
                out[issue_id] = None
        return out

    def _waiting(self, holder: str) -> None:
        self.echo(message("build.waiting", holder=holder), err=True)

    def _describe(self, paths: set[Path]) -> str:
        existing = {p for p in paths if p.exists()}  # not the temporary files of a save
        shown = sorted(os.path.relpath(p) for p in existing or paths)
        if len(shown) == 1:
            return message("serve.changed", path=shown[0])
        return message("serve.changed_many", path=shown[0], more=len(shown) - 1)

    @staticmethod
    def _scope(plan: Plan) -> str:
        if plan.everything:
            return message("serve.scope_all")
        return message("serve.scope_issues", ids=", ".join(sorted(plan.ids)))
