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
status: {value: completed, as_of: "2019", source: ilo-sst-compendium-2019}
themes: [cooperatives, rural_development]
target_groups: [agricultural_cooperatives]
organisations:
  - {id: ilo, role: implementer}
results:
  - value: 120
    unit: cooperatives
    what: {es: "cooperativas rurales acompañadas", en: "rural cooperatives supported"}
    year: 2019
    source: ilo-sst-compendium-2019
    key: true
sources: [ilo-sst-compendium-2019]
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

# Entries that use every form the content model has for what a source does not state (issue 10): a methodology
# with no country of documented use (countries: []), countries it names as scope, no period, no status, a year
# inferred and a context figure whose year the source does not state; a programme whose source gives no end and
# no date for its status, with a result without a year. Written by hand in the templates' format: the editor
# must open them ("Edit this entry") and write them back byte for byte, and write the methodology when it is
# filled in as new.
METHODOLOGY_SLUG = "muestra-guia"
PROGRAMME_SLUG = "muestra-programa"

METHODOLOGY_ES = """---
title: "Guía de muestra para el editor"
summary: "Una guía de muestra que la fuente recomienda para el Ecuador y Bolivia, sin documentar su uso."
modules: ["Diagnóstico", "Plan de mejora"]
# Hechos: se escriben una sola vez, en uno de los dos archivos de idioma.
kind: methodology
international_names: ["Sample Guide (SG)"]
audience: [cooperatives]
formats: [classroom_training]
developed_by: [ilo]
countries: []
scope:
  - {basis: recommended, countries: [EC, BO], source: ilo-andean-2016}
  - basis: inferred
    countries: [PE]
    source: ilo-andean-2016
    note: {es: "La fuente la cita tras el Perú.", en: "The source cites it after Peru."}
period: not_stated
status: not_stated
themes: [cooperatives]
target_groups: [cooperatives]
results:
  - value: 120
    unit: applications
    what: {es: "postulaciones recibidas", en: "applications received"}
    year: 2015
    year_inferred: {es: "año del informe intermedio", en: "year of the interim report"}
    source: ilo-andean-2016
context_figures:
  - value: 6
    unit: modules
    what: {es: "módulos de la guía", en: "modules of the guide"}
    year: null
    source: ilo-andean-2016
sources: [ilo-andean-2016]
---

## Descripción

La guía acompaña a las cooperativas en dos módulos.
"""

METHODOLOGY_EN = """---
title: "Sample guide for the editor"
summary: "A sample guide the source recommends for Ecuador and Bolivia, without documenting its use."
modules: ["Diagnosis", "Improvement plan"]
---

## Overview

The guide takes cooperatives through two modules.
"""

PROGRAMME_ES = """---
title: "Programa de muestra para el editor"
summary: "Un programa de muestra en el Perú cuyo fin y fecha de estado no indica la fuente."
# Hechos: se escriben una sola vez, en uno de los dos archivos de idioma.
kind: programme
countries: [PE]
period: {start: 2014, end: not_stated, note: {es: "Solo consta el inicio.", en: "Only the start is stated."}}
status: {value: completed, as_of: not_stated, source: ilo-andean-2016}
themes: [cooperatives]
target_groups: [cooperatives]
organisations:
  - {id: ilo, role: implementer}
results:
  - value: 40
    unit: cooperatives
    what: {es: "cooperativas acompañadas", en: "cooperatives supported"}
    year: null
    source: ilo-andean-2016
context_figures:
  - value: 12
    unit: percent
    qualifier: about
    what: {es: "de la población rural en cooperativas", en: "of the rural population in cooperatives"}
    year: 2015
    year_inferred: {es: "año anterior al informe", en: "year before the report"}
    source: ilo-andean-2016
sources: [ilo-andean-2016]
---

## Descripción

Texto del programa de muestra.
"""

PROGRAMME_EN = """---
title: "Sample programme for the editor"
summary: "A sample programme in Peru whose end and status date the source does not give."
---

## Overview

Text of the sample programme.
"""

SAMPLES = {f"practices/{METHODOLOGY_SLUG}.es.md": METHODOLOGY_ES, f"practices/{METHODOLOGY_SLUG}.en.md": METHODOLOGY_EN,
           f"practices/{PROGRAMME_SLUG}.es.md": PROGRAMME_ES, f"practices/{PROGRAMME_SLUG}.en.md": PROGRAMME_EN}
