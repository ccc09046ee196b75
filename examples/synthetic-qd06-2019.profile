# YAML, but named .profile so that folder scans for evidence files pass it by.
# Profile for `phuhop synth` (synthetic demo data only; never used for scoring).
# Typical sizes of the commune cohorts, from national demography (children under 16 are about a quarter of the
# population; about 1.5% of the population is born each year). Working assumptions for demos, not official figures.
standard: qd06-2019
facts:
  children.total: {from: 800, to: 6000}
  c02.births: {of: children.total, from: 5%, to: 7%}
  c07.under1: {of: children.total, from: 5%, to: 7%}
  c10.children-3to5: {of: children.total, from: 16%, to: 20%}
  c10.children-school-age: {of: children.total, from: 52%, to: 58%}
  c06.special-circumstances: {of: children.total, from: 2%, to: 5%}
  # A case of abuse, abandonment or trafficking concerns an abused child (criterion 3).
  c06.abuse-cases: {of: c03.children-abused, from: 100%, to: 100%}
