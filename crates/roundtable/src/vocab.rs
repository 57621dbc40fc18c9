//! The stable vocabularies of DESIGN.md as types. Each parses only from its known keys,
//! so a handler that holds one knows it is valid; labels come from the Fluent files
//! (`sector-police`, `country-TH`, ...).

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: an enum with `key()`, `ALL`, `FromStr` and serde by key.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Prefix of this vocabulary's message ids in the Fluent files.
            pub const PREFIX: &'static str = $prefix;

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn keys() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.key()).collect()
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::web::AppError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok($name::$variant),)+
                    _ => Err(crate::web::AppError::invalid(concat!("error-unknown-", $prefix))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(|_| serde::de::Error::custom(format!("unknown {} `{}`", $prefix, s)))
            }
        }
    };
}

vocabulary!(
    /// Who may see a field: the owner only, coordinators (and admins), members, or anyone.
    Visibility, "visibility" {
        Private => "private",
        Coordinators => "coordinators",
        Members => "members",
        Public => "public",
    }
);

vocabulary!(
    /// What an account may do. Anonymous visitors have no role.
    Role, "role" {
        Admin => "admin",
        Coordinator => "coordinator",
        Member => "member",
    }
);

vocabulary!(
    Sector, "sector" {
        Police => "police",
        Government => "government",
        Nhri => "nhri",
        CivilSociety => "civil_society",
        Legal => "legal",
        Health => "health",
        Academia => "academia",
        International => "international",
        Media => "media",
        Other => "other",
    }
);

vocabulary!(
    Expertise, "expertise" {
        InvestigativeInterviewing => "investigative_interviewing",
        DetentionMonitoring => "detention_monitoring",
        LegalSafeguards => "legal_safeguards",
        OpcatNpm => "opcat_npm",
        TortureDocumentation => "torture_documentation",
        VictimSupport => "victim_support",
        Training => "training",
        LawReform => "law_reform",
        Research => "research",
        Advocacy => "advocacy",
    }
);

vocabulary!(
    /// Ways to reach a member besides the platform itself.
    ContactKind, "contact" {
        Email => "email",
        Phone => "phone",
        Signal => "signal",
        Line => "line",
        Whatsapp => "whatsapp",
        Telegram => "telegram",
        Other => "other",
    }
);

vocabulary!(
    /// ISO 3166-1 alpha-2 codes of the countries the network works in and with.
    Country, "country" {
        Th => "TH", My => "MY", Ph => "PH", Id => "ID", Kh => "KH", La => "LA", Mm => "MM",
        Vn => "VN", Sg => "SG", Bn => "BN", Tl => "TL", Bd => "BD", Lk => "LK", Np => "NP",
        In => "IN", Pk => "PK", Mn => "MN", Kr => "KR", Jp => "JP", Au => "AU", Nz => "NZ",
        Ch => "CH", Gb => "GB", Fr => "FR", De => "DE", Nl => "NL", Dk => "DK", Se => "SE",
        No => "NO", Us => "US", Ca => "CA",
    }
);

vocabulary!(
    /// BCP 47 tags of the languages members speak.
    Language, "lang" {
        Th => "th", En => "en", Ms => "ms", Fil => "fil", Id => "id", Km => "km", Lo => "lo",
        Mya => "my", Vi => "vi", Zh => "zh", Ta => "ta", Ceb => "ceb", Ilo => "ilo",
        Tet => "tet", Fr => "fr", Es => "es", Ar => "ar", Ja => "ja", Ko => "ko", Hi => "hi",
        De => "de", Pt => "pt",
    }
);

impl Visibility {
    /// Rank used by queries: a field is visible when its rank is at least the viewer's floor.
    pub fn rank(self) -> i64 {
        match self {
            Visibility::Private => 0,
            Visibility::Coordinators => 1,
            Visibility::Members => 2,
            Visibility::Public => 3,
        }
    }
}

impl Role {
    /// Coordinators and admins look after the network and see what members hide from members.
    pub fn is_coordinator(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}

vocabulary!(
    /// How two members know each other, as one of them (or a coordinator) records it.
    TieKind, "tie" {
        Knows => "knows",
        WorkedTogether => "worked_together",
        TrainedOrMentored => "trained_or_mentored",
        CoOrganised => "co_organised",
    }
);

vocabulary!(
    /// Where a champion stands on their path, as coordinators record it.
    ChampionStage, "stage" {
        Candidate => "candidate",
        Approached => "approached",
        Active => "active",
        Alumni => "alumni",
    }
);

vocabulary!(
    /// Support the network gives a champion.
    Support, "support" {
        TrainingMaterials => "training_materials",
        ExpertContact => "expert_contact",
        SpeakingOpportunity => "speaking_opportunity",
        Mentoring => "mentoring",
        EventInvitation => "event_invitation",
    }
);

vocabulary!(
    /// What a group is for.
    GroupKind, "group-kind" {
        CommunityOfPractice => "community_of_practice",
        Country => "country",
        WorkingGroup => "working_group",
    }
);

vocabulary!(
    /// Who may join a group and see inside it: any member joins an open group; a closed
    /// group's moderators approve requests; a secret group is invisible to non-members and
    /// joined by invitation only.
    GroupAccess, "group-access" {
        Open => "open",
        Closed => "closed",
        Secret => "secret",
    }
);

vocabulary!(
    /// What kind of meeting an event is.
    EventKind, "event-kind" {
        Seminar => "seminar",
        Workshop => "workshop",
        Webinar => "webinar",
        RoundtableDialogue => "roundtable_dialogue",
        Conference => "conference",
        PublicForum => "public_forum",
        Panel => "panel",
        Training => "training",
    }
);

vocabulary!(
    /// What a library resource is.
    ResourceKind, "resource-type" {
        TrainingMaterial => "training_material",
        Guide => "guide",
        CaseStudy => "case_study",
        Law => "law",
        Report => "report",
        Presentation => "presentation",
        Recording => "recording",
    }
);

vocabulary!(
    /// Where an event happens: in a room (venue, address), online (a meeting link), or both.
    EventMode, "event-mode" {
        InPerson => "in_person",
        Online => "online",
        Hybrid => "hybrid",
    }
);

vocabulary!(
    /// The terms under which a library resource may be used.
    Licence, "licence" {
        CcBy => "cc-by",
        CcBySa => "cc-by-sa",
        CcByNc => "cc-by-nc",
        AllRightsReserved => "all-rights-reserved",
        PublicDomain => "public-domain",
    }
);

vocabulary!(
    /// Who may see an event: anyone (and visitors may register), members, the members of
    /// one group, or the people invited.
    EventVisibility, "event-visibility" {
        Public => "public",
        Members => "members",
        Group => "group",
        InvitationOnly => "invitation_only",
    }
);

vocabulary!(
    /// Who may see a library resource: anyone, members, or the active members of one group.
    ResourceAccess, "resource-access" {
        Public => "public",
        Members => "members",
        Group => "group",
    }
);

vocabulary!(
    /// The profile fields a member shows or hides one by one (labels `field-…`), in the
    /// order of the profile form.
    ProfileField, "field" {
        Sector => "sector",
        Organisations => "organisations",
        Country => "country",
        Region => "region",
        Languages => "languages",
        Expertise => "expertise",
        Bio => "bio",
        Photo => "photo",
    }
);

vocabulary!(
    /// Who must sign in with a second factor.
    FactorPolicy, "factor-policy" {
        Nobody => "nobody",
        Staff => "staff",
        Everyone => "everyone",
    }
);

impl FactorPolicy {
    /// Whether someone with `role` must have a second factor under this policy.
    pub fn applies_to(self, role: Role) -> bool {
        match self {
            FactorPolicy::Nobody => false,
            FactorPolicy::Staff => role.is_coordinator(),
            FactorPolicy::Everyone => true,
        }
    }
}

vocabulary!(
    /// How long a conversation keeps its messages (labels `chat-timer-…`).
    ChatTimer, "chat-timer" {
        Off => "off",
        Hour => "hour",
        Day => "day",
        Week => "week",
        FourWeeks => "four_weeks",
    }
);

vocabulary!(
    /// Who may write to a member (labels `chat-from-…`): any member who can see them, only
    /// people they have a tie with, or nobody (coordinators still can).
    MessagesFrom, "chat-from" {
        Anyone => "anyone",
        Ties => "ties",
        Nobody => "nobody",
    }
);

vocabulary!(
    /// A reaction to a message (labels `chat-reaction-…`; the sign each shows is
    /// [`Reaction::sign`]).
    Reaction, "chat-reaction" {
        Agree => "agree",
        Thanks => "thanks",
        Support => "support",
        Important => "important",
        Done => "done",
    }
);

impl Reaction {
    /// What the reaction shows: a sign every phone has, with the label as its name.
    pub fn sign(self) -> &'static str {
        match self {
            Reaction::Agree => "\u{1F44D}",
            Reaction::Thanks => "\u{1F64F}",
            Reaction::Support => "\u{2764}\u{FE0F}",
            Reaction::Important => "\u{2757}",
            Reaction::Done => "\u{2705}",
        }
    }
}

vocabulary!(
    /// What a personal access token may reach: each area of the API, read or write
    /// (labels `api-area-…`).
    ApiArea, "api-area" {
        Members => "members",
        Network => "network",
        Organisations => "organisations",
        Groups => "groups",
        Events => "events",
        Library => "library",
    }
);

vocabulary!(
    /// What a webhook may be told of (labels `webhook-event-…`).
    WebhookEvent, "webhook-event" {
        MemberJoined => "member_joined",
        EventRegistration => "event_registration",
        ResourcePublished => "resource_published",
        Ping => "ping",
    }
);

vocabulary!(
    /// Where an initiative stands (labels `initiative-status-…`). Every change is kept with
    /// its date.
    InitiativeStatus, "initiative-status" {
        Idea => "idea",
        Planned => "planned",
        Active => "active",
        Paused => "paused",
        Completed => "completed",
        Stopped => "stopped",
    }
);

vocabulary!(
    /// Who may see an initiative: anyone, members, the active members of one group, or
    /// coordinators (with, in every case, the people working on it).
    InitiativeVisibility, "initiative-visibility" {
        Public => "public",
        Members => "members",
        Group => "group",
        Coordinators => "coordinators",
    }
);

vocabulary!(
    /// What an organisation does in an initiative.
    PartnerRole, "partner-role" {
        Lead => "lead",
        GovernmentCounterpart => "government_counterpart",
        CivilSocietyPartner => "civil_society_partner",
        NhriNpm => "nhri_npm",
        PoliceJustice => "police_justice",
        Academic => "academic",
        Funder => "funder",
        TechnicalAdviser => "technical_adviser",
    }
);

vocabulary!(
    /// What a person does in an initiative. Leads and focal points keep it up to date.
    InitiativeRole, "initiative-role" {
        Lead => "lead",
        FocalPoint => "focal_point",
        Expert => "expert",
        Participant => "participant",
    }
);

impl InitiativeRole {
    /// Whether this role keeps the initiative up to date.
    pub fn manages(self) -> bool {
        matches!(self, InitiativeRole::Lead | InitiativeRole::FocalPoint)
    }
}

vocabulary!(
    /// What an initiative's indicator measures: a number (officers trained, visits made) or
    /// whether something is so (a procedure adopted).
    IndicatorKind, "indicator-kind" {
        Number => "number",
        YesNo => "yes_no",
    }
);

vocabulary!(
    /// What an initiative's work may be linked to.
    InitiativeLink, "initiative-link" {
        Event => "event",
        Resource => "resource",
        Thread => "thread",
        Group => "group",
    }
);

vocabulary!(
    /// Where a milestone stands.
    MilestoneState, "milestone-state" {
        Planned => "planned",
        Done => "done",
        Slipped => "slipped",
    }
);

vocabulary!(
    /// What the audit log records (its labels are `audit-…`).
    AuditAction, "audit" {
        AccountCreated => "account_created",
        AccountDeactivated => "account_deactivated",
        AccountDeleted => "account_deleted",
        AccountReactivated => "account_reactivated",
        AtRiskChanged => "at_risk_changed",
        ChampionStageChanged => "champion_stage_changed",
        ChatRoomClosed => "chat_room_closed",
        ChatRoomOpened => "chat_room_opened",
        ConversationStarted => "conversation_started",
        DirectoryExported => "directory_exported",
        EventChatClosed => "event_chat_closed",
        EventChatOpened => "event_chat_opened",
        FiguresPublished => "figures_published",
        FiguresWithdrawn => "figures_withdrawn",
        ImpactExported => "impact_exported",
        InvitationAccepted => "invitation_accepted",
        InvitationCreated => "invitation_created",
        InvitationRenewed => "invitation_renewed",
        InvitationRevoked => "invitation_revoked",
        OwnDataExported => "own_data_exported",
        PasswordChanged => "password_changed",
        PasswordReset => "password_reset",
        RecoveryApproved => "recovery_approved",
        RegistrantsExported => "registrants_exported",
        RecoveryCancelled => "recovery_cancelled",
        RecoveryIssued => "recovery_issued",
        RecoveryUsed => "recovery_used",
        RoleChanged => "role_changed",
        SecondFactorAdded => "second_factor_added",
        SecondFactorRemoved => "second_factor_removed",
        SigninPolicyChanged => "signin_policy_changed",
        SignedOutEverywhere => "signed_out_everywhere",
        Signin => "signin",
        SigninFailed => "signin_failed",
        SigninThrottled => "signin_throttled",
        TieRecorded => "tie_recorded",
        TokenCreated => "token_created",
        TokenRevoked => "token_revoked",
        WebhookCreated => "webhook_created",
        WebhookDeleted => "webhook_deleted",
        TiesExported => "ties_exported",
        TiesImported => "ties_imported",
        TieRemoved => "tie_removed",
        VisibilityChanged => "visibility_changed",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_keys_are_refused() {
        for s in Sector::ALL {
            assert_eq!(s.key().parse::<Sector>().unwrap(), *s);
        }
        assert!("police ".parse::<Sector>().is_err());
        assert!("Police".parse::<Sector>().is_err());
        assert!("xx".parse::<Country>().is_err());
        assert_eq!("fil".parse::<Language>().unwrap(), Language::Fil);
    }

    #[test]
    fn visibility_ranks_are_ordered() {
        let ranks: Vec<i64> = Visibility::ALL.iter().map(|v| v.rank()).collect();
        assert_eq!(ranks, vec![0, 1, 2, 3]);
    }

    /// Every key of every vocabulary has a label in the English file (the locale test then
    /// holds the other languages to it).
    #[test]
    fn every_key_has_a_label() {
        let english = crate::web::i18n::tests::locale_text("en");
        let mut keys: Vec<String> = Vec::new();
        macro_rules! all { ($($v:ident),+) => { $(keys.extend($v::ALL.iter().map(|k| format!("{}-{}", $v::PREFIX, k.key())));)+ } }
        all!(
            Visibility,
            Role,
            Sector,
            Expertise,
            ContactKind,
            Country,
            Language,
            TieKind,
            ChampionStage,
            Support,
            GroupKind,
            GroupAccess,
            EventKind,
            EventMode,
            EventVisibility,
            ResourceKind,
            Licence,
            ResourceAccess,
            ProfileField,
            FactorPolicy,
            ChatTimer,
            MessagesFrom,
            Reaction,
            ApiArea,
            WebhookEvent,
            InitiativeStatus,
            InitiativeVisibility,
            PartnerRole,
            InitiativeRole,
            MilestoneState,
            IndicatorKind,
            InitiativeLink,
            AuditAction
        );
        let missing: Vec<&String> = keys.iter().filter(|k| !english.contains(&format!("\n{k} ="))).collect();
        assert!(missing.is_empty(), "no label for {missing:?}");
    }
}
