using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners;

/// <summary>Every expected failure of the Partners module, with its stable code.</summary>
internal static class PartnersErrors
{
    public static readonly Error Forbidden = Error.Forbidden("auth.forbidden", "You are not allowed to do this.");

    // Partner-API authentication (401 unless noted).
    public static readonly Error SignatureMissing = Error.Unauthorized(
        "partners.signature_missing",
        "Sign the request: send X-TalentPass-Key, X-TalentPass-Timestamp, X-TalentPass-Nonce and X-TalentPass-Signature (see docs/partner-api.md), or a partner staff bearer token.");

    public static readonly Error SignatureMalformed = Error.Unauthorized(
        "partners.signature_malformed",
        "A signature header is malformed: the timestamp is Unix seconds, the nonce 16–64 characters of A–Z a–z 0–9 '-' '_', the signature 'v1=' and Base64.");

    public static readonly Error KeyUnknown = Error.Unauthorized("partners.key_unknown", "The API key id is not known.");

    public static readonly Error KeyRevoked = Error.Unauthorized("partners.key_revoked", "The API key was revoked.");

    public static readonly Error TimestampOutOfWindow = Error.Unauthorized(
        "partners.timestamp_out_of_window",
        "The request timestamp is too far from the server time (allowed: ±5 minutes). Check the clock of the calling system.");

    public static readonly Error SignatureInvalid = Error.Unauthorized(
        "partners.signature_invalid",
        "The signature does not match the request. Recompute it over the canonical string described in docs/partner-api.md.");

    public static readonly Error NonceReplayed = Error.Unauthorized("partners.nonce_replayed", "This nonce was already used with this key: the request looks like a replay.");

    public static readonly Error BodyTooLarge = new("partners.body_too_large", "The request body is larger than the partner API accepts.", ErrorKind.Validation);

    public static readonly Error PartnerNotActive = Error.Forbidden("partners.partner_not_active", "The partner is suspended or has left: its API access is closed.");

    // Conventions.
    public static readonly Error IdempotencyKeyMissing = Error.Validation(
        "partners.idempotency_key_missing",
        "State-changing partner calls need an Idempotency-Key header (1–128 characters of A–Z a–z 0–9 '-' '_' '.' ':').");

    public static readonly Error IdempotencyKeyInvalid = Error.Validation(
        "partners.idempotency_key_invalid",
        "The Idempotency-Key must be 1–128 characters of A–Z a–z 0–9 '-' '_' '.' ':'.");

    /// <summary>422 (mapped by the filter): the key was used before for a different request.</summary>
    public static readonly Error IdempotencyKeyReused = Error.Validation(
        "partners.idempotency_key_reused",
        "This Idempotency-Key was already used for a different request (method, path or body). Use a new key for a new request.");

    public static readonly Error IdempotencyInProgress = Error.Conflict(
        "partners.idempotency_in_progress",
        "A request with this Idempotency-Key is still being processed. Retry after it has finished.");

    public static readonly Error RateLimited = Error.TooManyRequests("partners.rate_limited", "Too many requests for this partner. Retry after the time given in Retry-After.");

    // Onboarding.
    public static readonly Error ApplicationNotFound = Error.NotFound("partners.application_not_found", "The partner application does not exist.");

    public static readonly Error ApplicationAlreadyDecided = Error.Conflict("partners.application_already_decided", "The application was already approved or refused.");

    public static readonly Error AgreementMissing = Error.Validation(
        "partners.agreement_missing",
        "The signed agreement is missing: attach a file of kind 'agreement'.",
        Field("files", "Attach the signed agreement (kind 'agreement')."));

    public static readonly Error FileInvalid = Error.Validation(
        "partners.file_invalid",
        "Each file needs a kind (business_licence, agreement, other), a name and Base64 content of 1 byte to 5 MB; at most 10 files.",
        Field("files", "Kind business_licence|agreement|other, name, Base64 content up to 5 MB; at most 10 files."));

    public static readonly Error LicenceCodeInvalid = Error.Validation(
        "partners.licence_code_invalid",
        "The business licence code must be an 18-character unified social credit code.",
        Field("licenceCode", "18-character unified social credit code."));

    public static readonly Error LicenceCodeTaken = Error.Conflict("partners.licence_code_taken", "A partner or pending application with this business licence code already exists.");

    public static readonly Error ReasonRequired = Error.Validation("partners.reason_required", "Give a reason (1–500 characters).", Field("reason", "Required, at most 500 characters."));

    public static readonly Error PartnerNotFound = Error.NotFound("partners.partner_not_found", "The partner does not exist.");

    public static readonly Error StatusTransitionInvalid = Error.Conflict(
        "partners.status_transition_invalid",
        "This status change is not possible: suspend an active partner, reinstate a suspended one; a partner that left stays left.");

    public static readonly Error VersionConflict = Error.Conflict("partners.version_conflict", "Someone else changed this record meanwhile. Reload and try again.");

    public static readonly Error EvidenceFailed = Error.Conflict("partners.evidence_failed", "The evidence ledger refused the record; nothing was changed.");

    public static readonly Error KeyNotFound = Error.NotFound("partners.key_not_found", "The API key does not exist.");

    public static readonly Error KeyLabelInvalid = Error.Validation("partners.key_label_invalid", "The key label is required (at most 100 characters).", Field("label", "Required, at most 100 characters."));

    public static readonly Error TooManyKeys = Error.Conflict("partners.too_many_keys", "A partner may hold at most 10 active API keys. Revoke one first.");

    public static readonly Error RateLimitInvalid = Error.Validation(
        "partners.rate_limit_invalid",
        "The rate limit must be between 1 and 1,000,000 requests per minute, or empty for the default.",
        Field("perMinute", "1–1,000,000, or empty."));

    private static Dictionary<string, string[]> Field(string name, string message) => new() { [name] = [message] };
}
