namespace TalentPass.Modules.HostBank.Domain;

internal static class Outcomes
{
    public const string Compliant = "compliant";
    public const string NonCompliant = "non_compliant";
    public const string NotApplicable = "not_applicable";
    public const string AwaitingEnterprise = "awaiting_enterprise";
    public const string AwaitingBank = "awaiting_bank";

    public static readonly string[] Final = [Compliant, NonCompliant, NotApplicable];
}

internal sealed record RuleResult(string Outcome, long HostFen, long TotalFen, int? ShareBasisPoints);

/// <summary>
/// The 40% rule of M-19 (管理办法 第十九条): while the enterprise's revenue of the last year is at most 80,000,000 yuan
/// AND its equity valuation at most 300,000,000 yuan, at least 40% of its deposit and loan business is placed with
/// the host bank. Our reading (docs, README): the share is (host-bank deposits + host-bank loans) / (all deposits +
/// all loans) — one combined market share, not two; thresholds inclusive; an enterprise with no deposits and no
/// loans at all has nothing to place and is compliant. Exact integer arithmetic in fen.
/// </summary>
internal static class HostBankRule
{
    public const long RevenueLimitFen = 80_000_000L * 100;
    public const long ValuationLimitFen = 300_000_000L * 100;
    public const int RequiredPercent = 40;

    public static bool Applies(long revenueFen, long valuationFen) => revenueFen <= RevenueLimitFen && valuationFen <= ValuationLimitFen;

    public static RuleResult Evaluate(EnterpriseFigures? enterprise, BankFigures? bank)
    {
        if (enterprise is null)
        {
            return new RuleResult(Outcomes.AwaitingEnterprise, bank is null ? 0 : bank.DepositsFen + bank.LoansFen, 0, null);
        }

        var total = enterprise.TotalDepositsFen + enterprise.TotalLoansFen;
        if (!Applies(enterprise.RevenueFen, enterprise.ValuationFen))
        {
            return new RuleResult(Outcomes.NotApplicable, bank is null ? 0 : bank.DepositsFen + bank.LoansFen, total, Share(bank, total));
        }

        if (bank is null)
        {
            return new RuleResult(Outcomes.AwaitingBank, 0, total, null);
        }

        var host = bank.DepositsFen + bank.LoansFen;
        var met = total == 0 || (decimal)host * 100 >= (decimal)total * RequiredPercent;
        return new RuleResult(met ? Outcomes.Compliant : Outcomes.NonCompliant, host, total, Share(bank, total));
    }

    private static int? Share(BankFigures? bank, long total) =>
        bank is null || total == 0 ? null : (int)((decimal)(bank.DepositsFen + bank.LoansFen) * 10_000 / total);
}

internal sealed record EnterpriseFigures(long TotalDepositsFen, long TotalLoansFen, long RevenueFen, long ValuationFen);

internal sealed record BankFigures(long DepositsFen, long LoansFen);
