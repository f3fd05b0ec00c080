namespace Paz.Core.Common;

/// <summary>Argument checks in one place, so that every value type validates the same way.</summary>
public static class Guard
{
    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    /// <exception cref="ArgumentException">The condition does not hold.</exception>
    public static void Require(bool condition, string message, string? paramName = null)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>Returns <paramref name="value"/> when it is finite and at least zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public static double NonNegative(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "expected a finite value of at least 0");
        }

        return value;
    }
}
