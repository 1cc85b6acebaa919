using TalentPass.SharedKernel;

namespace TalentPass.Modules.Ledger;

/// <summary>The stable error codes of the Ledger module.</summary>
internal static class LedgerErrors
{
    public static readonly Error KindUnknown = Field("ledger.kind_unknown", "kind", "证据类型无效 / Unknown kind.");

    public static readonly Error DigestInvalid = Field("ledger.digest_invalid", "digest", "文档摘要格式应为 sha256:<64位十六进制> 或 sm3:<64位十六进制> / The digest must be sha256:<64 hex> or sm3:<64 hex>.");

    public static readonly Error PartiesInvalid = Field("ledger.parties_invalid", "parties", "当事方应为 1–16 个机构代码 / Parties must be 1–16 organisation codes ([A-Za-z0-9._:-], at most 64).");

    public static readonly Error ReferenceInvalid = Field("ledger.reference_invalid", "reference", "引用应为 1–128 个字符 [A-Za-z0-9._:/-] / The reference must be 1–128 characters of [A-Za-z0-9._:/-].");

    public static readonly Error SourceInvalid = Field("ledger.source_invalid", "source", "来源无效 / The source is invalid.");

    public static readonly Error TimeInvalid = Field("ledger.time_invalid", "time", "时间无效（须为 UTC，且不晚于当前时间 10 分钟）/ The time is invalid (UTC, at most 10 minutes ahead).");

    public static readonly Error EntryTooLarge =
        Error.Validation("ledger.entry_too_large", "条目过大 / The entry is too large.");

    public static readonly Error SignatureMissing = Field("ledger.signature_missing", "signature", "缺少提交方签名 / The submitter signature is missing.");

    public static readonly Error SignatureInvalid = Field("ledger.signature_invalid", "signature", "提交方签名无效 / The submitter signature does not verify.");

    public static readonly Error SubmitterKeyUnknown = Field("ledger.submitter_key_unknown", "keyId", "未知或已撤销的提交方密钥 / Unknown or revoked submitter key for your organisation.");

    public static readonly Error NoOrganisation =
        Error.Forbidden("ledger.no_organisation", "您的账号未绑定合作机构 / Your account is not bound to a partner organisation.");

    public static readonly Error PublicKeyInvalid = Field("ledger.public_key_invalid", "publicKey", "公钥应为 32 字节 Ed25519 公钥的 Base64 / The public key must be the base64 of a 32-byte Ed25519 key.");

    public static readonly Error OrganisationNotPartner = Field("ledger.organisation_not_partner", "organisationId", "该机构不是合作机构 / The organisation is not a partner.");

    public static readonly Error SubmitterKeyExists =
        Error.Conflict("ledger.submitter_key_exists", "该公钥已登记 / This key is already registered.");

    public static readonly Error IndexBeyondTree =
        Error.NotFound("ledger.index_beyond_tree", "该序号超出日志范围 / The index is beyond the log.");

    public static readonly Error NotYetCheckpointed =
        Error.Conflict("ledger.not_yet_checkpointed", "该条目尚未被已发布的检查点覆盖，请稍后重试 / The entry is not yet covered by a published checkpoint; retry shortly.");

    public static readonly Error TreeSizeInvalid =
        Error.Validation("ledger.tree_size_invalid", "树大小无效：须满足 0 < from ≤ to ≤ 最新检查点 / Invalid tree sizes: need 0 < from ≤ to ≤ the latest checkpoint.",
            new Dictionary<string, string[]> { ["from"] = ["0 < from ≤ to"], ["to"] = ["≤ latest checkpoint"] });

    public static readonly Error NoSigningKey =
        Error.NotFound("ledger.no_signing_key", "日志尚未签署任何检查点，暂无公钥 / The log has not signed a checkpoint yet, so it has no key to publish.");

    public static readonly Error NoCheckpoint =
        Error.NotFound("ledger.no_checkpoint", "尚未发布检查点 / No checkpoint has been published yet.");

    private static Error Field(string code, string field, string message) =>
        Error.Validation(code, message, new Dictionary<string, string[]> { [field] = [message] });
}
