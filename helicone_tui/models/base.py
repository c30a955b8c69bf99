"""The tolerant base model every API type derives from.

The real server relaxes its own schema (DESIGN.md §1): fields go missing, come back null, grow
new enum values, or arrive with a type the documents do not promise. A row must still parse, and
dumping it must give back exactly the JSON that came in. So:

- unknown keys are kept (``extra="allow"``);
- validation is strict, so nothing is coerced (``1`` never becomes ``1.0``, ``true`` never ``1``);
- a known field whose value has the wrong type does not fail the row: it is set aside, the
  typed attribute reads ``None``, and the raw value is written back on dump.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationError,
    ValidatorFunctionWrapHandler,
    model_serializer,
    model_validator,
)

_MALFORMED = "_malformed"
_NONE: dict[str, Any] = {}


class ApiModel(BaseModel):
    """Base of all API models: tolerant on input, faithful on output."""

    model_config = ConfigDict(
        extra="allow",
        strict=True,
        populate_by_name=True,
        serialize_by_alias=True,
        validate_by_alias=True,
        validate_by_name=True,
    )

    # Fields holding raw JSON (bodies) that `to_json_dict` hands over as they are: walking a
    # 5 MB body to copy it is wasted work, and a body nested deeper than pydantic's serializer
    # allows must still dump.
    RAW_JSON_FIELDS: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="wrap")
    @classmethod
    def _set_aside_malformed_fields(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(data)
        except ValidationError as exc:
            if not isinstance(data, dict):
                raise
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            aside = {key: data[key] for key in bad if key in data}
            if not aside:
                raise
            model = handler({k: v for k, v in data.items() if k not in aside})
            # Kept in pydantic's slot for private values rather than in a declared private
            # attribute: declaring one makes pydantic run a Python post-init hook on every
            # instance, which is most of the cost of validating a long conversation. A model
            # without private attributes holds None there; copies, pickling and ``==`` carry it.
            private = model.__pydantic_private__
            if private is None:
                object.__setattr__(model, "__pydantic_private__", {_MALFORMED: aside})
            else:
                private[_MALFORMED] = aside
            return model

    @model_serializer(mode="wrap")
    def _restore_malformed_fields(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        dumped = handler(self)
        malformed = self._malformed
        if malformed and isinstance(dumped, dict):
            dumped.update(malformed)
        return dumped

    @property
    def _malformed(self) -> dict[str, Any]:
        private = self.__pydantic_private__
        return private.get(_MALFORMED, _NONE) if private else _NONE

    @property
    def malformed_fields(self) -> dict[str, Any]:
        """Known fields whose values had the wrong type, as they arrived."""
        return dict(self._malformed)

    @property
    def extra_fields(self) -> dict[str, Any]:
        """Fields the documents do not name, kept as they arrived."""
        return dict(self.__pydantic_extra__ or {})

    def to_json_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data: missing stays missing, null stays null.

        Raw JSON fields (bodies) are the very objects the model holds, not copies.
        """
        raw = [name for name in self.RAW_JSON_FIELDS if name in self.model_fields_set]
        result: dict[str, Any] = self.model_dump(
            mode="json", exclude_unset=True, by_alias=True, exclude=set(raw) or None
        )
        for name in raw:
            result[type(self).model_fields[name].alias or name] = getattr(self, name)
        return result

    @classmethod
    def from_json_dict(cls, data: Any) -> Self:
        return cls.model_validate(data)
