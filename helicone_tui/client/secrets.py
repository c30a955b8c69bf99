"""Keeping the API key out of text: logs, errors, reprs and the screen."""

from __future__ import annotations

import logging
import re

# Helicone keys (`sk-helicone-…`, EU `sk-helicone-eu-…`) and the older `pk-`/`sk-` forms.
_KEY_PATTERN = re.compile(r"\b(?:sk|pk)-helicone-[A-Za-z0-9_-]+|\b(?:sk|pk)-[A-Za-z0-9]{20,}\b")
_BEARER_PATTERN = re.compile(r"(?i)(bearer\s+)\S+")


def redact(text: str, *secrets: str) -> str:
    """`text` with every API key (the given ones and anything shaped like one) masked."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, mask_key(secret))
    text = _BEARER_PATTERN.sub(r"\1***", text)
    return _KEY_PATTERN.sub(lambda m: mask_key(m.group(0)), text)


def mask_key(key: str) -> str:
    """A recognisable but useless form of a key: its kind and last four characters."""
    if not key:
        return ""
    prefix = "sk-helicone-eu-" if key.startswith("sk-helicone-eu-") else key[:12]
    tail = key[-4:] if len(key) > 20 else ""
    return f"{prefix}…{tail}" if tail else f"{prefix}…"


class RedactingFilter(logging.Filter):
    """Masks keys in every record that passes, whatever a message or its arguments hold."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_redaction(*logger_names: str) -> None:
    for name in logger_names or ("helicone_tui", "httpx", "httpcore"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(RedactingFilter())
