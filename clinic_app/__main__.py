"""Allow ``python -m clinic_app``."""

from clinic_app.cli import main

raise SystemExit(main())
