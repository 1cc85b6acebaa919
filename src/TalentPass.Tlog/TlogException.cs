namespace TalentPass.Tlog;

/// <summary>A storage or input error while computing tree values (not a failed proof check: those return false).</summary>
public sealed class TlogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TlogException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TlogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TlogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
