from .agreements import Agreement, AgreementMeeting
from .base import DatePrecision, ReviewState
from .meetings import Meeting, Participant
from .merges import DismissedPair, Merge
from .people import Office, Person, PersonAlias, Tenure
from .places import Country
from .sources import AgreementSource, Article, MeetingSource, PersonSource, TenureSource

__all__ = [
    "Agreement", "AgreementMeeting", "AgreementSource", "Article", "Country", "DatePrecision", "DismissedPair",
    "Meeting", "MeetingSource", "Merge", "Office", "Participant", "Person", "PersonAlias", "PersonSource", "ReviewState",
    "Tenure", "TenureSource",
]
