"""Question banks to and from the formats teachers already have: GIFT (Moodle), Aiken,
Quizlet-style text and Anki's text export. Importers build our YAML, to be checked and edited
before it is saved; unsupported items are skipped with a line-numbered report.
"""

from quizapp.core.interchange.common import Imported, bank_yaml
from quizapp.core.interchange.readers import READERS, read

__all__ = ["READERS", "Imported", "bank_yaml", "read"]
