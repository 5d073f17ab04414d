"""The functional core stays plain Python: no web framework, database or Twilio."""

import subprocess
import sys

FORBIDDEN = ("flask", "twilio", "sqlalchemy", "werkzeug", "flask_sqlalchemy")


def test_importing_the_core_loads_no_web_database_or_twilio_module():
    code = (
        "import sys, hotline.nlp, hotline.routing, hotline.nlp.classifier, "
        "hotline.nlp.training, hotline.routing.rules\n"
        f"print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
