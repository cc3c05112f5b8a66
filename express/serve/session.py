"""One ``express serve`` run: build, serve, watch, rebuild on save, until Ctrl+C.

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
from express.serve.pages import Chrome
from express.serve.plan import EVERYTHING, Plan, plan_for
from express.serve.server import make_server, needs_build
from express.serve.status import Status
from express.serve.watch import Watcher, watched_folders

Echo = Callable[..., None]  # click.echo: (text, err=False)
READY_TIMEOUT_S = 10


class Preview:
    def __init__(self, project: Project, echo: Echo) -> None:
        self.project = project
        self.echo = echo
        self.site = project.build / "site"
        self.status = Status()
        self.pending = Plan()  # what the last failed build covered: retried with the next
        self._building = threading.Lock()
        self.server = None

    def bind(self, port: int) -> str:
        """Open the port (OSError when it is taken); returns the preview's URL."""
        self.server = make_server(self.site, port, self.status,
                                  Chrome(self.project.templates / "serve"))
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def run(self, url: str, *, watch: bool = True) -> None:
        """Build if the site is out of date, then serve (and rebuild on save) until Ctrl+C."""
        watcher = Watcher(watched_folders(self.project), self.changed) if watch else None
        try:
            if watcher:
                watcher.start()
                if needs_build(self.project):
                    self.build(EVERYTHING, message("serve.start"))
                watcher.ready.wait(READY_TIMEOUT_S)
            self.echo(message("serve.listening", path=os.path.relpath(self.site), url=url))
            self.server.serve_forever()
        except KeyboardInterrupt:
            self.echo(message("serve.stopped"), err=True)
        finally:
            self.status.close()
            self.server.server_close()
            if watcher:
                watcher.stop()
                watcher.join(READY_TIMEOUT_S)

    def changed(self, paths: set[Path]) -> None:
        """The watcher saw saves: rebuild what they touch, or just reload the pages."""
        plan = plan_for(self.project, paths)
        what = self._describe(paths)
        if plan.builds:
            self.build(plan, what)
        elif plan.reload:
            self.status.publish(self.status.errors)
            self.echo(message("serve.reloaded", changed=what))

    def build(self, plan: Plan, why: str) -> bool:
        from express.build import build
        from express.fonts.discovery import forget

        with self._building:
            forget()  # fonts may have been added or removed since the last build
            plan = plan | self.pending
            started = time.perf_counter()
            try:
                diags = build(self.project, plan.build_ids(), waiting=self._waiting).diags
            except OSError as exc:  # a full disk, a folder made read-only: said as such
                diags = Diagnostics([environment_error(exc)])
            except Exception as exc:  # a bug in express must not end the preview either
                diags = Diagnostics()
                diags.error(None, "internal.error", kind=type(exc).__name__, detail=str(exc))
            seconds = time.perf_counter() - started
            lines, errors = diags.rendered()
            for line in lines:
                self.echo(line, err=True)
            if errors:
                self.pending = plan
                self.echo(message("serve.failed", changed=why, errors=errors, seconds=seconds),
                          err=True)
            else:
                self.pending = Plan()
                self.echo(message("serve.rebuilt", changed=why, what=self._scope(plan),
                                  seconds=seconds))
            self.status.publish(lines if errors else ())
            return not errors

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
