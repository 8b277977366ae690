"""The programme the editor tests fill in, and the files it must write (exactly as the templates write them):
shared by tests/browser/test_editor.py and tests/site/test_pr_summary.py."""

SLUG = "cooperativas-rurales-test"

EXPECTED_ES = """---
title: "Cooperativas rurales de prueba en el Perú"
summary: "Programa de prueba que acompañó a 120 cooperativas rurales del Perú entre 2016 y 2019."
# Hechos: se escriben una sola vez, en uno de los dos archivos de idioma.
kind: programme
countries: [PE]
period: {start: 2016, end: 2019}
status: {value: completed, as_of: "2019", source: ilo-andean-2016}
themes: [cooperatives, rural_development]
target_groups: [agricultural_cooperatives]
organisations:
  - {id: ilo, role: implementer}
results:
  - value: 120
    unit: cooperatives
    what: {es: "cooperativas rurales acompañadas", en: "rural cooperatives supported"}
    year: 2019
    source: ilo-andean-2016
    key: true
sources: [ilo-andean-2016]
---

## Descripción

El programa acompañó a cooperativas rurales.

### Cómo

Con **talleres**.
"""

EXPECTED_EN = """---
title: "Rural cooperatives test programme in Peru"
summary: "Test programme that supported 120 rural cooperatives in Peru from 2016 to 2019."
---

## Overview

The programme supported rural cooperatives.

### How

With **workshops**.

## Lessons learned

Cooperatives learn from each other.
"""
