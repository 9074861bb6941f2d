"""Messages of the `output` area, the texts `sysdesign.render` draws into diagrams, the HTML
review and the blog post: key → template per language (see `sysdesign.messages`).

Not named `render`: a submodule of that name would replace the package's `render` function."""

MESSAGES: dict[str, dict[str, str]] = {
    # diagram tiers, as the diagram and the component table title them
    "output.tier.clients": {"en": "Clients", "ko": "클라이언트"},
    "output.tier.edge": {"en": "Edge", "ko": "엣지"},
    "output.tier.services": {"en": "Services", "ko": "서비스"},
    "output.tier.async": {"en": "Async", "ko": "비동기"},
    "output.tier.data": {"en": "Data", "ko": "데이터"},
    "output.tier.external": {"en": "External", "ko": "외부"},
    "output.managed": {"en": "managed", "ko": "관리형"},
    "output.shards": {"en": "{shards} shards", "ko": "샤드 {shards}개"},
    "output.design": {"en": "Design", "ko": "설계"},
    "output.severity.critical": {"en": "Critical", "ko": "심각"},
    "output.severity.major": {"en": "Major", "ko": "주요"},
    "output.severity.minor": {"en": "Minor", "ko": "경미"},
    "output.no_dot_mermaid": {
        "en": "Graphviz's `dot` is not installed, so the diagram is shown as Mermaid text. Run ./setup.sh or `sudo apt-get install graphviz fonts-nanum` to draw it.",
        "ko": "Graphviz의 `dot`이 없어 다이어그램을 Mermaid 텍스트로 보여 줍니다. ./setup.sh 또는 `sudo apt-get install graphviz fonts-nanum`으로 설치하세요.",
    },
    # blog post
    "output.functional": {"en": "Functional", "ko": "기능 요구사항"},
    "output.non_functional": {"en": "Non-functional", "ko": "비기능 요구사항"},
    "output.post_title": {"en": "System design: {topic}", "ko": "시스템 디자인: {topic}"},
    "output.system_design": {"en": "System design", "ko": "시스템 디자인"},
    "output.no_dot_image": {
        "en": "The diagram image was not rendered because Graphviz's `dot` is not installed (run ./setup.sh or `sudo apt-get install graphviz fonts-nanum`); the Mermaid block above shows the same diagram.",
        "ko": "Graphviz의 `dot`이 설치되어 있지 않아 다이어그램 이미지를 만들지 않았습니다 (./setup.sh 또는 `sudo apt-get install graphviz fonts-nanum`). 위 Mermaid 블록이 같은 다이어그램입니다.",
    },
}
