"""The HTML report: self-contained, its counts agree with the JSON report, and it works in a real browser (chromium)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from batch_drafts import draft_folder

from linter.batch.html_report import highlighted
from linter.commands.cli import main
from linter.findings import Edit, Finding, Fix

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("RESOLINT_SCREENSHOT_DIR", "")) if os.environ.get("RESOLINT_SCREENSHOT_DIR") else None


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    drafts = draft_folder(out / "drafts")
    code = main(["batch", str(drafts), "--report", str(out / "r.html"), "--json", str(out / "r.json"),
                 "--jobs", "1", "--no-config", "--no-cache"])
    assert code == 2  # two drafts cannot be checked
    return out / "r.html", json.loads((out / "r.json").read_text(encoding="utf-8"))


def test_the_report_needs_no_network(reports):
    page = reports[0].read_text(encoding="utf-8")
    assert "<style>" in page and "<script>" in page
    assert not re.search(r"<(link|img|iframe)\b|<script[^>]*\bsrc=|url\(|@import", page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_counts_in_the_page_are_the_json_counts(reports):
    page, data = reports[0].read_text(encoding="utf-8"), reports[1]
    shown = {k: int(v) for k, v in re.findall(r'data-count="([^"]+)">(\d+)<', page)}
    summary = data["batch"]["summary"]
    assert shown["findings"] == summary["findings"] == sum(len(f["findings"]) for f in data["files"])
    assert shown["failed"] == len(data["errors"]) == 2 and shown["files"] == 12
    assert {k[5:]: v for k, v in shown.items() if k.startswith("rule:")} == summary["by_rule"]
    assert {k[9:]: v for k, v in shown.items() if k.startswith("severity:")} == summary["by_severity"]
    for f in data["files"]:
        for i, finding in enumerate(f["findings"]):
            assert f'href="#rule-{finding["rule"]}"' in page
    assert page.count('<li id="d') == summary["findings"]  # every finding listed under its draft


def test_highlights_nest_overlaps_and_mark_empty_spans():
    text = "回顾其决议,并且"
    findings = [Finding("RP501", "punctuation", "warning", "comma", 5, 6, Fix((Edit(5, 6, "，"),))),
                Finding("RV999", "verb", "error", "whole <b>", 0, 6), Finding("RT1", "structure", "info", "here", 8, 8)]
    out = highlighted(text, findings, "d1")
    assert out.startswith('<span id="d1-m1" class="anchor"></span><a class="hl sev-error " href="#d1-f1"')
    assert 'title="RP501: comma\nRV999: whole &lt;b&gt;">,</a>' in out  # both findings cover the comma; worst colour
    assert out.endswith('<a class="hl sev-info caret" href="#d1-f2" title="RT1: here">‸</a>')
    assert re.sub(r"<[^>]+>", "", out).replace("‸", "") == text


PROBE = """<script>
(function () {
  const num = (sel) => Number(document.querySelector(sel).innerText.trim());
  const visible = () => Array.from(document.querySelectorAll("#file-table tbody tr")).filter((r) => r.offsetParent !== null);
  const shown = {};
  document.querySelectorAll("[data-count]").forEach((el) => { shown[el.dataset.count] = Number(el.innerText.trim()); });
  const probe = {shown, rows: visible().length};
  document.getElementById("f-sev").value = "error";
  document.getElementById("f-sev").dispatchEvent(new Event("change"));
  probe.errorRows = visible().map((r) => r.dataset.path);
  probe.errorShown = num("#shown-count");
  document.getElementById("f-sev").value = "";
  document.getElementById("f-rule").value = "RP501";
  document.getElementById("f-rule").dispatchEvent(new Event("change"));
  probe.rp501Rows = visible().map((r) => r.dataset.path);
  document.getElementById("f-rule").value = "";
  document.getElementById("f-rule").dispatchEvent(new Event("change"));
  document.querySelector('#file-table th[data-sort="n"]').click();
  probe.sortedCounts = visible().map((r) => Number(r.dataset.n));
  const details = document.querySelector("ol.findings details");
  details.open = true;
  setTimeout(() => {
    probe.explain = details.querySelector("pre").textContent;
    probe.ruleOfDetails = details.dataset.rule;
    const out = document.createElement("pre");
    out.id = "probe";
    out.textContent = JSON.stringify(probe);
    document.body.appendChild(out);
  }, 50);
})();
</script></body>"""


@pytest.mark.slow
def test_in_a_real_browser_the_shown_counts_filters_and_sorting_agree_with_the_json(reports, tmp_path):
    if BROWSER is None:
        if os.environ.get("RESOLINT_REQUIRE_BROWSER"):
            pytest.fail("RESOLINT_REQUIRE_BROWSER is set but no chromium is installed (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium); the browser check of the HTML report needs it")
    page, data = reports
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE), encoding="utf-8")
    flags = [*CHROME_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([BROWSER, *flags, "--virtual-time-budget=5000", "--dump-dom", probed.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    probe = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1).replace("&quot;", '"')
                       .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    summary = data["batch"]["summary"]
    assert probe["shown"]["findings"] == summary["findings"] and probe["shown"]["files"] == 12
    assert probe["shown"]["failed"] == len(data["errors"])
    assert {k[5:]: v for k, v in probe["shown"].items() if k.startswith("rule:")} == summary["by_rule"]
    assert {k[9:]: v for k, v in probe["shown"].items() if k.startswith("severity:")} == summary["by_severity"]
    assert probe["rows"] == 12
    worst_error = sorted(f["path"] for f in data["files"] if any(x["severity"] == "error" for x in f["findings"]))
    assert sorted(probe["errorRows"]) == worst_error and probe["errorShown"] == len(worst_error) > 0
    assert sorted(probe["rp501Rows"]) == sorted(f["path"] for f in data["files"] if any(x["rule"] == "RP501" for x in f["findings"]))
    assert probe["sortedCounts"] == sorted(probe["sortedCounts"], reverse=True) and probe["sortedCounts"][0] > 0
    assert probe["explain"].startswith(probe["ruleOfDetails"] + " (") and "What it does" in probe["explain"]
    shot = (SHOTS or tmp_path) / "batch-report.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([BROWSER, *flags, "--window-size=1280,1600", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
