"""The two interview books candidates study from, and their chapters, in Korean and English.

Alex Xu's *System Design Interview – An Insider's Guide* (vol. 1, 2020) and, with Sahn Lam,
vol. 2 (2022). Their Korean editions, 『가상 면접 사례로 배우는 대규모 시스템 설계 기초』 1·2권
(인사이트), keep the chapter numbers of the originals, so one number names the chapter in both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Book:
    id: str
    title_en: str
    title_ko: str
    short_en: str
    short_ko: str
    chapters: dict[int, tuple[str, str]]  # number → (English title, Korean title)

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def short(self, lang: str) -> str:
        return self.short_ko if lang == "ko" else self.short_en

    def chapter_title(self, number: int, lang: str) -> str:
        en, ko = self.chapters[number]
        return ko if lang == "ko" else en

    def cite(self, number: int, lang: str) -> str:
        """e.g. 「1권 4장 처리율 제한 장치의 설계」 / "Vol. 1 ch. 4: Design a Rate Limiter"."""
        if lang == "ko":
            return f"{self.short_ko} {number}장 {self.chapter_title(number, lang)}"
        return f"{self.short_en} ch. {number}: {self.chapter_title(number, lang)}"


BOOKS: dict[str, Book] = {
    "sdi-1": Book(
        "sdi-1",
        "System Design Interview – An Insider's Guide, vol. 1 (Alex Xu, 2020)",
        "『가상 면접 사례로 배우는 대규모 시스템 설계 기초』 1권 (알렉스 쉬, 인사이트)",
        "Vol. 1",
        "1권",
        {
            1: ("Scale from Zero to Millions of Users", "사용자 수에 따른 규모 확장성"),
            2: ("Back-of-the-envelope Estimation", "개략적인 규모 추정"),
            3: ("A Framework for System Design Interviews", "시스템 설계 면접 공략법"),
            4: ("Design a Rate Limiter", "처리율 제한 장치의 설계"),
            5: ("Design Consistent Hashing", "안정 해시 설계"),
            6: ("Design a Key-value Store", "키-값 저장소 설계"),
            7: (
                "Design a Unique ID Generator in Distributed Systems",
                "분산 시스템을 위한 유일 ID 생성기 설계",
            ),
            8: ("Design a URL Shortener", "URL 단축기 설계"),
            9: ("Design a Web Crawler", "웹 크롤러 설계"),
            10: ("Design a Notification System", "알림 시스템 설계"),
            11: ("Design a News Feed System", "뉴스 피드 시스템 설계"),
            12: ("Design a Chat System", "채팅 시스템 설계"),
            13: ("Design a Search Autocomplete System", "검색어 자동완성 시스템"),
            14: ("Design YouTube", "유튜브 설계"),
            15: ("Design Google Drive", "구글 드라이브 설계"),
            16: ("The Learning Continues", "배움은 계속된다"),
        },
    ),
    "sdi-2": Book(
        "sdi-2",
        "System Design Interview – An Insider's Guide, vol. 2 (Alex Xu, Sahn Lam, 2022)",
        "『가상 면접 사례로 배우는 대규모 시스템 설계 기초』 2권 (알렉스 쉬·산 람, 인사이트)",
        "Vol. 2",
        "2권",
        {
            1: ("Proximity Service", "근접성 서비스"),
            2: ("Nearby Friends", "주변 친구"),
            3: ("Google Maps", "구글 맵"),
            4: ("Distributed Message Queue", "분산 메시지 큐"),
            5: ("Metrics Monitoring and Alerting System", "지표 모니터링 및 경보 시스템"),
            6: ("Ad Click Event Aggregation", "광고 클릭 이벤트 집계"),
            7: ("Hotel Reservation System", "호텔 예약 시스템"),
            8: ("Distributed Email Service", "분산 이메일 서비스"),
            9: ("S3-like Object Storage", "S3와 유사한 객체 저장소"),
            10: ("Real-time Gaming Leaderboard", "실시간 게임 순위표"),
            11: ("Payment System", "결제 시스템"),
            12: ("Digital Wallet", "전자 지갑"),
            13: ("Stock Exchange", "증권 거래소"),
        },
    ),
}


def book(book_id: str) -> Book:
    return BOOKS[book_id]
