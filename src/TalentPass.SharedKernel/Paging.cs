namespace TalentPass.SharedKernel;

/// <summary>A 1-based page request; sizes are clamped to [1, <see cref="MaxSize"/>].</summary>
public sealed record PageRequest(int Page = 1, int Size = PageRequest.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    public int SafePage => Page < 1 ? 1 : Page;

    public int SafeSize => Size < 1 ? DefaultSize : Math.Min(Size, MaxSize);

    public int Skip => (SafePage - 1) * SafeSize;
}

/// <summary>
/// One page of results. <see cref="Total"/> is exact up to <see cref="TotalCap"/>; when
/// <see cref="TotalIsLowerBound"/> is true there are at least that many (counting 1,000,000 rows for every
/// keystroke is not worth it).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total, bool TotalIsLowerBound = false)
{
    public const long TotalCap = 10_000;

    public bool HasNext => TotalIsLowerBound || (long)PageNumber * PageSize < Total;

    public bool HasPrevious => PageNumber > 1;
}
