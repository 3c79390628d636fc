"""Reading a JSON collection a record at a time, so that memory follows the largest record, not the file: the
elements of a top-level JSON array (or the one top-level value), and the lines of a JSONL file.

Text is UTF-8 (with or without BOM); a file that is not is read again from the start as cp1252 (latin-1 for the
bytes cp1252 leaves undefined), the records already handed out skipped, as the whole-file readers did."""
from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterator
from typing import BinaryIO

CHUNK = 1 << 20  # characters read at a time
_WHITESPACE = " \t\n\r"


class InvalidJSON(ValueError):
    """The collection stops being valid JSON after `records` records; `reason` says how."""

    def __init__(self, records: int, reason: str) -> None:
        super().__init__(reason)
        self.records, self.reason = records, reason


def array_elements(text: io.TextIOBase, strict: bool = True) -> Iterator[object]:
    """The elements of the top-level array of `text`, one at a time; a top-level value that is no array is the
    one element. Raises InvalidJSON where the text stops being JSON. `strict` as json.JSONDecoder's."""
    decoder = json.JSONDecoder(strict=strict)
    reader = _Buffer(text)
    reader.skip_space()
    if reader.at_end():
        raise InvalidJSON(0, "no JSON value (the file holds only white space)")
    if reader.peek() != "[":
        yield _single_value(reader, decoder)
        return
    reader.advance(1)
    count = 0
    while True:
        reader.skip_space()
        if reader.peek() == "]" and count == 0:
            reader.advance(1)
            break
        value = reader.decode(decoder, count)
        count += 1
        yield value
        reader.skip_space()
        mark = reader.peek()
        if mark == ",":
            reader.advance(1)
        elif mark == "]":
            reader.advance(1)
            break
        else:
            raise InvalidJSON(count, f"expected ',' or ']' after record {count}"
                                     + (" (the file ends there)" if not mark else f", found {mark!r}"))
    reader.skip_space()
    if not reader.at_end():
        raise InvalidJSON(count, f"text after the closing ']' of the list (after record {count})")


def _single_value(reader: "_Buffer", decoder: json.JSONDecoder) -> object:
    whole = reader.rest()
    try:
        return decoder.decode(whole)
    except ValueError as error:
        raise InvalidJSON(0, _why(error)) from None
    except RecursionError:
        raise InvalidJSON(0, "nested too deeply") from None


class _Buffer:
    """A window on a text stream: what has been read and not yet consumed."""

    def __init__(self, text: io.TextIOBase) -> None:
        self._text, self._buffer, self._pos, self._eof = text, "", 0, False

    def _fill(self, at_least: int = 1) -> bool:
        """Read on until `at_least` characters lie ahead of the position (or the text ends)."""
        while len(self._buffer) - self._pos < at_least and not self._eof:
            chunk = self._text.read(max(CHUNK, at_least))
            if not chunk:
                self._eof = True
            self._buffer = self._buffer[self._pos:] + chunk
            self._pos = 0
        return len(self._buffer) - self._pos >= at_least

    def peek(self) -> str:
        return self._buffer[self._pos] if self._fill() else ""

    def at_end(self) -> bool:
        return not self._fill()

    def advance(self, count: int) -> None:
        self._pos += count

    def skip_space(self) -> None:
        while self._fill():
            position = self._pos
            end = len(self._buffer)
            while position < end and self._buffer[position] in _WHITESPACE:
                position += 1
            self._pos = position
            if position < end:
                return

    def rest(self) -> str:
        self._fill(1)
        rest = self._buffer[self._pos:] + self._text.read()
        self._buffer, self._pos, self._eof = "", 0, True
        return rest

    def decode(self, decoder: json.JSONDecoder, count: int) -> object:
        """The JSON value at the position, read on as far as it needs (a value may span many chunks)."""
        wanted = CHUNK
        while True:
            self._fill(1)
            start = self._pos
            try:
                value, end = decoder.raw_decode(self._buffer, start)
            except ValueError as error:
                if self._eof:
                    raise InvalidJSON(count, f"record {count + 1}: {_why(error)}") from None
                self._fill(len(self._buffer) - start + wanted)  # the value goes on in the next chunk
                wanted *= 2
                continue
            except RecursionError:
                raise InvalidJSON(count, f"record {count + 1}: nested too deeply") from None
            length = end - start
            if end == len(self._buffer) and not self._eof:
                self._fill(length + 1)  # a number may go on in the next chunk
                if len(self._buffer) - self._pos > length:
                    continue
            self._pos += length
            return value


def _why(error: Exception) -> str:
    return f"{error.msg}" if isinstance(error, json.JSONDecodeError) else str(error)


def text_of(open_binary: Callable[[], BinaryIO | str], read: Callable[[io.TextIOBase], Iterator],
            encodings: tuple[str, ...] | None = None) -> Iterator:
    """`read(text)` over the file `open_binary()` opens, as UTF-8 (or the first of `encodings`); should the bytes
    not decode, the file is read again in the next encoding (cp1252) and the items `read` had already given are not
    given twice. `open_binary()` may return why the file cannot be opened (a str), which is then the one item."""
    given = 0
    for encoding in encodings or ("utf-8-sig", "cp1252"):
        binary = open_binary()
        if isinstance(binary, str):
            yield binary
            return
        with binary:
            text = io.TextIOWrapper(io.BufferedReader(binary, CHUNK), encoding=encoding,
                                    errors="_latin1_fallback" if encoding == "cp1252" else "strict",
                                    newline="\n")
            try:
                for number, item in enumerate(read(text)):
                    if number >= given:
                        given += 1
                        yield item
                return
            except UnicodeDecodeError:
                continue


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """cp1252 leaves five bytes undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d): read them as latin-1 does."""
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("_latin1_fallback", _latin1_fallback)
