#!/usr/bin/env python3
"""Checks docs/briefing-workflow.yml: it parses as a GitHub Actions workflow, and every `briefing`
command it runs exists with every option it gives (asked of the binary's own --help).
Usage: checks/workflow.py BRIEFING_BINARY [WORKFLOW]"""
import shlex
import subprocess
import sys

import yaml

exe = sys.argv[1]
path = sys.argv[2] if len(sys.argv) > 2 else "docs/briefing-workflow.yml"
workflow = yaml.safe_load(open(path))
# YAML 1.1 reads the key `on` as true.
assert "jobs" in workflow and (True in workflow or "on" in workflow), f"{path}: no jobs or no triggers"
runs = []
for name, job in workflow["jobs"].items():
    assert "runs-on" in job and "steps" in job, f"{path}: job {name} lacks runs-on or steps"
    for step in job["steps"]:
        assert "uses" in step or "run" in step, f"{path}: a step of {name} neither uses nor runs"
        if "run" in step:
            runs.append(step["run"])

checked = 0
for script in runs:
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        # A command is the first word of its line.
        for at, word in enumerate(words[:1]):
            if not word.endswith("/briefing") and word != "briefing":
                continue
            command = words[at + 1:]
            subcommand = command[0]
            help_text = subprocess.run([exe, subcommand, "--help"], capture_output=True, text=True)
            assert help_text.returncode == 0, f"{path}: 'briefing {subcommand}' does not exist"
            for option in [w for w in command[1:] if w.startswith("--")]:
                assert option in help_text.stdout, f"{path}: 'briefing {subcommand}' has no option {option}"
            checked += 1
assert checked >= 2, f"{path}: runs no briefing command"
print(f"workflow: {path} parses; its {checked} briefing commands exist with their options")
