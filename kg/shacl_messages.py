"""Default result messages of the fast SHACL engine: what sh:resultMessage says when the shape gives
no sh:message. Like pySHACL's, each names the constraint and its parameter and the value node (or
the focus node and path where the constraint is about the set of values), e.g.
`Value "6"^^xsd:int is not a literal of datatype xsd:integer`, `Less than 1 values on ex:a->ex:name`.
Terms are written as kg.terms.show writes them (prefixed names, literals in Turtle syntax).
"""

from __future__ import annotations

from kg.namespaces import SH
from kg.shacl_shapes import RANGE_OPS

PAIR_WORDS = {"equals": "is not among the values of", "disjoint": "is also a value of",
              "lessThan": "is not less than every value of", "lessThanOrEquals": "is greater than a value of"}


def default_message(check, focus, value, shapes) -> str:
    """The message of a result of `check` (a kg.shacl_shapes.Check) for `focus` and `value`
    (pyoxigraph terms; value None when the constraint names no value node); `shapes` is the
    shapes graph (kg.shacl_shapes.Shapes), read for list parameters."""
    from kg.terms import show

    def term(t) -> str:
        return show(t, literal_syntax=True)

    def items(head) -> str:
        return "(" + " ".join(term(t) for t in shapes.rdf_list(head)) + ")"

    component = check.component.removeprefix(SH).removesuffix("ConstraintComponent")
    param = check.param or component[:1].lower() + component[1:]
    arg = check.arg
    v = term(value) if value is not None else term(focus)
    where = term(focus) + (f"->{term(check.path_term)}" if check.path_term is not None else "")
    if param == "minCount":
        return f"Less than {arg} values on {where}"
    if param == "maxCount":
        return f"More than {arg} values on {where}"
    if param == "hasValue":
        return f"Node {where} does not have the value {term(arg)}" if check.path_term is not None \
            else f"Node {term(focus)} is not {term(arg)}"
    if param == "class":
        return f"Value {v} does not have class {term(arg)}"
    if param == "datatype":
        return f"Value {v} is not a literal of datatype {term(arg)}"
    if param == "nodeKind":
        return f"Value {v} is not of node kind {term(arg)}"
    if param == "pattern":
        return f"Value {v} does not match pattern {term(arg)}"
    if param in ("minLength", "maxLength"):
        return f"Value {v} has a string length not {'>=' if param == 'minLength' else '<='} {term(arg)}"
    if param in RANGE_OPS:
        return f"Value {v} is not {RANGE_OPS[param]} {term(arg)}"
    if param == "languageIn":
        return f"Value {v} has a language not in {items(arg)}"
    if param == "in":
        return f"Value {v} not in list {items(arg)}"
    if param in ("or", "and", "xone"):
        how = {"or": "one or more of", "and": "every one of", "xone": "exactly one of"}[param]
        return f"Value {v} does not conform to {how} the shapes in {items(arg)}"
    if param == "node":
        return f"Value {v} does not conform to shape {term(arg)}"
    if param == "not":
        return f"Value {v} conforms to shape {term(arg)}, which sh:not forbids"
    if param in PAIR_WORDS:
        return f"Value {v} of {where} {PAIR_WORDS[param]} the property in sh:{param}"
    if param == "closed":
        return f"Node {term(focus)} is closed. It cannot have value: {v}"
    if component == "SPARQL":
        return f"Value {v} of {where} violates a SPARQL constraint (sh:sparql) of {term(check.shape)}"
    return f"Value {v} violates sh:{param} of {term(check.shape)}"
