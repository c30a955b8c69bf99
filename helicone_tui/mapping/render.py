def conversation_to_markdown(mapped: object) -> str:
    return ""
