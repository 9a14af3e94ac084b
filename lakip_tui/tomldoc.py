"""Replay edits on a tomlkit document, key by key, so comments and layout survive.

Whole tables are never reassigned (tomlkit loses their comments that way, tomlkit#392). A removed
key leaves a tombstone (its neighbour and its comment) so undo or typing it again puts it back
where it stood. tomlkit is imported inside the functions: only the save path needs it.
"""

from __future__ import annotations

from typing import Any

from .ops import MISSING as _MISSING, SCALARS as _SCALARS, Op, makes_list
from .paths import Path


def apply_to_doc(doc: Any, op: Op, tombstones: dict) -> None:
    """Replay one operation on the tomlkit document, touching only the keys it names."""
    import tomlkit

    kind, path, payload = op
    if kind == "set":
        parent = _doc_node(doc, path[:-1])
        key = path[-1]
        _, new = payload
        if isinstance(parent, tomlkit.items.InlineTable) and len(path) >= 2:
            # a key inside { ... }: the inline table is written again, in its own style
            values = parent.unwrap()
            if new is None or new is _MISSING:
                values.pop(key, None)
            else:
                values[key] = new
            _doc_node(doc, path[:-2])[path[-2]] = _inline_like(parent, values)
        elif new is None or new is _MISSING:
            if key in parent:
                _keep_header(parent)
                _bury(parent, key, path, tombstones)
                _remove_keeping_comments(parent, key)
        elif _ubah_di_tempat(parent, key, new):
            pass
        elif isinstance(parent, list):
            parent[key] = _value_in(parent, new)
        elif key in parent:
            item = _value_in(parent, new)
            old = parent.item(key) if hasattr(parent, "item") else None
            if _tableish(old) and _tableish(item):
                # in place; the comments closing the old table open the next section: they
                # close the new one
                moved = _take_comments(_deep_end(old))
                parent[key] = item
                _give(_deep_end(parent.item(key)), moved)
            elif _tableish(old) == _tableish(item):
                parent[key] = item  # in place: same kind, same position
            else:  # a table becomes a value or back: it must move where that kind stands
                _remove_keeping_comments(parent, key)
                _add(parent, key, item)
        elif path in tombstones:
            _resurrect(parent, key, new, tombstones.pop(path))
        else:
            _add(parent, key, _value_in(parent, new))
        return
    if kind == "insert":
        index, value = payload[0], payload[1]
        parent = _doc_node(doc, path[:-1])
        key = path[-1]
        if isinstance(key, str) and key not in parent:  # (in a list, `in` would test values)
            rows = isinstance(value, dict) and not _inline_context(parent)
            if rows:  # the first row: the new array of tables is placed as a table would be
                aot = tomlkit.aot()
                aot.append(_to_toml(value, aot_row=True))
                _add(parent, key, aot)
                return
            _add(parent, key, tomlkit.array())
        items = parent[key]
        if isinstance(items, tomlkit.items.AoT) and not isinstance(value, dict):
            # only tables can be rows of an array of tables (one left empty by deleting its
            # rows, say): the list becomes an inline array, its rows inline tables
            array = tomlkit.array()
            for row in items:
                array.append(_to_inline(row.unwrap()))
            _remove_keeping_comments(parent, key)
            _add(parent, key, array)
            items = parent[key]
        if isinstance(items, tomlkit.items.AoT):
            item = _to_toml(value, aot_row=True)
            if len(items):
                before = items[max(0, min(index, len(items)) - 1)]
                _dress_like(item, before)
                if index > 0:
                    _carry_comments(before.value, item)
        else:
            item = _to_inline(value)
        items.insert(index, item)
    elif kind == "delete":
        index = payload[0]
        items = _doc_node(doc, path)
        if not isinstance(items, tomlkit.items.AoT):
            del items[index]
        else:  # the comments ending the row open what follows it: they stay in the file
            moved = _take_comments(_deep_end(items[index]))
            del items[index]
            if index > 0:
                _give(_deep_end(items[index - 1]), moved)
            elif moved:
                holder = _container_of(_doc_node(doc, path[:-1]))
                _put_back(holder, _index_of(holder, path[-1]), moved)
        if makes_list(payload) and not len(items):
            _remove_keeping_comments(_doc_node(doc, path[:-1]), path[-1])
    elif kind == "move":
        index, new_index = payload
        items = _doc_node(doc, path)
        aot = isinstance(items, tomlkit.items.AoT)
        # the comments at the end of the last row open the next section: they stay last
        moved = _take_comments(_deep_end(items[len(items) - 1])) if aot else []
        row = items[index]
        del items[index]
        items.insert(new_index, row)
        if moved:
            _give(_deep_end(items[len(items) - 1]), moved)


def _deep_end(item: Any) -> Any:
    """The body whose end is the end of `item` in the file (its last sub-table's, if any)."""
    import tomlkit

    if isinstance(item, tomlkit.items.AoT):
        return _deep_end(item[len(item) - 1]) if len(item) else None
    container = item.value if isinstance(item, tomlkit.items.Table) else item
    body = container.body
    if body and body[_tail_start(body):] == [] and _tableish(body[-1][1]):
        return _deep_end(body[-1][1])
    return container


def _keep_header(table: Any) -> None:
    """A table written with its own `[header]` keeps it when its last plain key goes: tomlkit
    would otherwise judge a table holding only sub-tables a "super table" and drop the line."""
    import tomlkit

    if isinstance(table, tomlkit.items.Table) and not table.is_super_table():
        table._is_super_table = False


def _remove_keeping_comments(parent: Any, key: str) -> None:
    """Remove a key; a table's closing comments (a banner for what follows) stay in the file."""
    container = _container_of(parent)
    item = container.item(key) if container is not None and hasattr(container, "item") else None
    if item is None or not _tableish(item):
        del parent[key]
        return
    moved = _take_comments(_deep_end(item))
    index = _index_of(container, key)
    del parent[key]
    if moved:
        _put_back(container, index, moved)


def _index_of(container: Any, key: str) -> int:
    return next(i for i, (k, _v) in enumerate(container.body) if k is not None and k.key == key)


def _put_back(container: Any, index: int, moved: list) -> None:
    """Put comments at `index` of a body: at the end of the table before it, if one is there,
    or as lines of their own."""
    body = container.body
    if index > 0 and _tableish(body[index - 1][1]):
        _give(_deep_end(body[index - 1][1]), moved)
        return
    for offset, item in enumerate(moved):
        _insert_keyless(container, index + offset, item)


def _insert_keyless(container: Any, index: int, item: Any) -> None:
    container.body.insert(index, (None, item))
    for key, value in list(container._map.items()):
        if isinstance(value, tuple):
            container._map[key] = tuple(v + 1 if v >= index else v for v in value)
        elif value >= index:
            container._map[key] = value + 1


def _skalar_semua(items: Any) -> bool:
    return all(isinstance(item, _SCALARS) for item in items)


def _bertipe(items: list) -> list[tuple[type, Any]]:
    """Items with their type, so that 70 and 70.0 (or True and 1) are not taken as equal."""
    return [(type(item), item) for item in items]


def _ubah_di_tempat(parent: Any, key: Any, new: Any) -> bool:
    """Change an array of scalars or a flat inline table in place, item by item, so the file
    keeps its layout (one item per line, comments on items) and only what changed differs.
    False when the value is not of that kind: the caller replaces it whole."""
    import difflib

    import tomlkit

    if isinstance(parent, list) or not isinstance(key, str) or key not in parent:
        return False
    node = parent[key]
    if isinstance(node, tomlkit.items.Array) and isinstance(new, list):
        old = node.unwrap()
        if not (_skalar_semua(old) and _skalar_semua(new)):
            return False
        matcher = difflib.SequenceMatcher(None, _bertipe(old), _bertipe(new), autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            common = min(i2 - i1, j2 - j1)
            for offset in range(common):
                node[i1 + offset] = new[j1 + offset]
            for index in range(i2 - 1, i1 + common - 1, -1):
                del node[index]
            for offset in range(common, j2 - j1):
                node.insert(i1 + offset, new[j1 + offset])
        return True
    if isinstance(node, tomlkit.items.InlineTable) and isinstance(new, dict):
        if not (_skalar_semua(node.unwrap().values()) and _skalar_semua(new.values())):
            return False
        parent[key] = _inline_like(node, new)
        return True
    return False


def _inline_like(node: Any, new: dict) -> Any:
    """`new` as an inline table written the way `node` was: the same spaces inside the braces,
    and each value that did not change written exactly as before (tomlkit's own edits of an
    inline table turned `{ 2020 = 100 }` into `{  2020 = 100}`)."""
    import tomlkit
    from tomlkit.items import SingleKey

    written = node.as_string()
    pad = " " if written[1:2] in (" ", "}") else ""
    parts = []
    old = node.unwrap()
    for name, value in new.items():
        same = name in old and _typed(old[name]) == _typed(value)
        text = node.item(name).as_string().strip() if same else _to_inline(value).as_string()
        parts.append(f"{SingleKey(name).as_string().strip()} = {text}")
    inner = ", ".join(parts)
    body = f"{{{pad}{inner}{pad}}}" if inner else "{}"
    item = tomlkit.parse(f"x = {body}\n")["x"]
    item.trivia.comment_ws, item.trivia.comment = node.trivia.comment_ws, node.trivia.comment
    item.trivia.trail = node.trivia.trail
    return item


def _container_of(node: Any) -> Any:
    return node if hasattr(node, "_insert_after") else getattr(node, "value", None)


def _bury(parent: Any, key: str, path: Path, tombstones: dict) -> None:
    """Remember the key before `key`, its line's comment and the item itself, before the key is
    removed: an undo (or the same value typed again) then puts back exactly what was there."""
    container = _container_of(parent)
    if container is None or not hasattr(container, "item"):
        return
    keys = list(parent.keys())
    previous = keys[keys.index(key) - 1] if keys.index(key) > 0 else None
    item = container.item(key)
    trivia = item.trivia
    tombstones[path] = (previous, trivia.indent, trivia.comment_ws, trivia.comment, trivia.trail,
                        item)


def _resurrect(parent: Any, key: str, new: Any, tombstone: tuple) -> None:
    previous, indent, comment_ws, comment, trail, old_item = tombstone
    container = _container_of(parent)
    if _typed(_unwrap(old_item)) == _typed(new):
        item = old_item  # the very item removed: its comments and layout come back with it
    else:
        item = _value_in(parent, new)
        if hasattr(item, "trivia"):
            item.trivia.indent, item.trivia.comment_ws = indent, comment_ws
            item.trivia.comment, item.trivia.trail = comment, trail
    if previous is None or previous not in parent or container is None \
            or not _fits_after(container, previous, item) \
            or _tableish(item) and _nothing_but_layout_after(container, previous):
        # (a table put back after the last key goes below the blank lines that follow it, as
        # any new table does: inserted right after the key it would take them below itself)
        _add(parent, key, item)
        return
    container._insert_after(previous, key, item)  # tomlkit 0.15 (pinned): no public insert-at
    _mirror(parent, container, key)


def _nothing_but_layout_after(container: Any, key: str) -> bool:
    """Whether only blank lines and comments follow `key` in the table's body."""
    body = container.body
    for index, (k, _item) in enumerate(body):
        if k is not None and k.key == key:
            return all(other is None for other, _ in body[index + 1:])
    return False


def _mirror(parent: Any, container: Any, key: str) -> None:
    if parent is not container:  # a table mirrors its container's items in its own dict
        dict.__setitem__(parent, key, container[key])


def _tableish(item: Any) -> bool:
    """A [table] or [[array of tables]]: written with a header, after every plain key."""
    import tomlkit

    return isinstance(item, (tomlkit.items.Table, tomlkit.items.AoT))


def _fits_after(container: Any, previous: str, item: Any) -> bool:
    """Whether `item` may stand right after `previous`: a value only among values, a table
    only where tables follow (else the next keys would read as the table's own)."""
    body = container.body
    index = next(i for i, (k, _v) in enumerate(body) if k is not None and k.key == previous)
    if not _tableish(item):
        return not _tableish(body[index][1])
    return all(k is None or _tableish(v) for k, v in body[index + 1:])


def _add(parent: Any, key: str, item: Any) -> None:
    """A new key where a person would write it: a value after the table's last value (before
    its sub-tables, and before the blank lines and comments that open the next section); a
    table after everything, with the comments that opened the next section moved below it."""
    import tomlkit

    container = _container_of(parent)
    if container is None or _inline_context(parent) or not hasattr(container, "_insert_at"):
        parent[key] = item
        return
    body = container.body
    if _tableish(item):
        owner = _comment_tail(container)
        moved = _take_comments(owner) if owner is not None else []
        parent[key] = item
        _give(item if isinstance(item, tomlkit.items.Table) else item[-1] if len(item) else None,
              moved)
        return
    last = None
    for index, (k, v) in enumerate(body):
        if k is not None and not _tableish(v):
            last = k
        elif _tableish(v):
            break
    if last is not None:
        container._insert_after(last, key, item)
    else:
        container._insert_at(_first_value_at(container, parent), key, item) if body \
            else container.append(key, item)
    _mirror(parent, container, key)


def _first_value_at(container: Any, parent: Any) -> int:
    """Where the first value of a table goes: right after its header; in the document, after
    the comment lines that open the file (up to their first blank line)."""
    import tomlkit

    body = container.body
    if parent is not container or not body or not isinstance(body[0][1], tomlkit.items.Comment):
        return 0
    for index, (k, v) in enumerate(body):
        if k is not None:
            return 0
        if isinstance(v, tomlkit.items.Whitespace) and v.s.count("\n") >= 1 and index:
            return index + 1 if index + 1 < len(body) else 0
    return 0


def _tail_start(body: list) -> int:
    """Where the blank lines and comments that end a body begin."""
    import tomlkit

    index = len(body)
    # (a Null is what tomlkit leaves where a key was deleted: it writes nothing)
    layout = (tomlkit.items.Whitespace, tomlkit.items.Comment, tomlkit.items.Null)
    while index and body[index - 1][0] is None and isinstance(body[index - 1][1], layout):
        index -= 1
    return index


def _comment_tail(container: Any) -> Any:
    """The container (this one, or the last table at the end of it) whose body ends with
    comments: those open what follows in the file, so a new table goes above them."""
    import tomlkit

    body = container.body
    tail = body[_tail_start(body):]
    if any(isinstance(v, tomlkit.items.Comment) for _k, v in tail):
        return container
    if tail or not body:
        return None
    last = body[-1][1]
    if isinstance(last, tomlkit.items.Table):
        return _comment_tail(last.value)
    if isinstance(last, tomlkit.items.AoT) and len(last):
        return _comment_tail(last[-1].value)
    return None


def _carry_comments(source: Any, row: Any) -> None:
    """Move the comments ending `source`'s body (and what follows them) to the end of `row`:
    a new table or row goes above the comment banner that opened the next section."""
    _give(row, _take_comments(source))


def _take_comments(source: Any) -> list:
    import tomlkit

    if source is None:
        return []
    body = source.body
    start = _tail_start(body)
    first = next((i for i in range(start, len(body))
                  if isinstance(body[i][1], tomlkit.items.Comment)), None)
    if first is None:
        return []
    moved = [item for _k, item in body[first:]]
    for index in range(len(body) - 1, first - 1, -1):
        _remove_keyless(source, index)
    return moved


def _give(row: Any, moved: list) -> None:
    import tomlkit

    if row is None or not moved:
        return
    target = row.value if hasattr(row, "value") and hasattr(row.value, "body") else row
    if not (target.body and isinstance(target.body[-1][1], tomlkit.items.Whitespace)):
        target.append(None, tomlkit.nl())
    for item in moved:
        target.append(None, item)


def _remove_keyless(container: Any, index: int) -> None:
    """Take a comment or blank line out of a body (tomlkit has no call for it)."""
    del container.body[index]
    for key, value in list(container._map.items()):
        if isinstance(value, tuple):
            container._map[key] = tuple(v - 1 if v > index else v for v in value)
        elif value > index:
            container._map[key] = value - 1


def _unwrap(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _typed(value: Any) -> Any:
    """A value with its types, so that 1, 1.0 and True are told apart."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value), value)


def _dress_like(row: Any, sibling: Any) -> None:
    """A new row of an array of tables takes its neighbour's layout: the same indentation of
    its header and keys, and the blank line after it when the neighbour has one."""
    import tomlkit

    indent = sibling.trivia.indent
    row.indent(len(indent) - len(indent.rstrip(" ")))
    body = sibling.value.body
    if body and isinstance(body[-1][1], tomlkit.items.Whitespace) and "\n" in body[-1][1].s:
        row.add(tomlkit.nl())


def _doc_node(doc: Any, path: Path) -> Any:
    node = doc
    for part in path:
        node = node[part]
    return node


def _inline_context(parent: Any) -> bool:
    """Inside an inline table or an array only inline values may stand (no [table] headers)."""
    import tomlkit

    return isinstance(parent, (tomlkit.items.InlineTable, tomlkit.items.Array))


def _value_in(parent: Any, value: Any) -> Any:
    """`value` as the item it must be where it goes: inline inside inline tables and arrays, a
    table as a row of an array of tables, else as `_to_toml` lays it out."""
    import tomlkit

    if _inline_context(parent):
        return _to_inline(value)
    if isinstance(value, dict) and not value:
        # a table made on the way to a new key: a [header] of its own even when only
        # sub-tables follow, as it reads in the file
        return tomlkit.table(is_super_table=False)
    return _to_toml(value, aot_row=isinstance(parent, tomlkit.items.AoT))


def _to_toml(value: Any, *, aot_row: bool = False) -> Any:
    """Plain data to tomlkit items; rows of an array of tables become tables, nested dicts too."""
    import tomlkit

    if isinstance(value, dict):
        if not aot_row and not any(isinstance(v, (dict, list)) for v in value.values()):
            return _to_inline(value)
        table = tomlkit.table()
        for key, item in value.items():
            table[key] = _to_toml(item)
        return table
    if isinstance(value, list):
        if value and all(isinstance(item, dict) for item in value):
            aot = tomlkit.aot()
            for row in value:
                aot.append(_to_toml(row, aot_row=True))
            return aot
        return _to_inline(value)
    if isinstance(value, str) and "\n" in value:
        return _multiline(value)
    return tomlkit.item(value)


def _to_inline(value: Any) -> Any:
    """Plain data as inline items only: { a = 1 } and [1, 2], at any depth."""
    import tomlkit

    if isinstance(value, dict):
        table = tomlkit.inline_table()
        for key, item in value.items():
            table[key] = _to_inline(item)
        return table
    if isinstance(value, list):
        array = tomlkit.array()
        for item in value:
            array.append(_to_inline(item))
        return array
    return tomlkit.item(value)


def _multiline(value: str) -> Any:
    """A text with line breaks as a \"\"\" block, written as splice.py writes one (a line break
    right after the opening quotes, control characters other than tab and newline escaped)."""
    from tomlkit.items import String, StringType, Trivia

    from .splice import multiline_body

    return String(StringType.MLB, value, multiline_body(value), Trivia())
