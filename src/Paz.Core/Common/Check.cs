using System.Globalization;
using System.Runtime.CompilerServices;

namespace Paz.Core.Common;

/// <summary>Argument checks in one place, so that every value type validates the same way.</summary>
public static class Check
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

    /// <summary>
    /// Throws when <paramref name="condition"/> is false; an interpolated message is only formatted
    /// then, so checks on hot paths (a Poisson draw, a code per CSV row) cost no string per call.
    /// </summary>
    /// <exception cref="ArgumentException">The condition does not hold.</exception>
    public static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message, string? paramName = null)
    {
        if (!condition)
        {
            throw new ArgumentException(message.ToStringAndClear(), paramName);
        }
    }

    /// <summary>Builds a <see cref="Require(bool, ref FailureMessage, string?)"/> message only when the condition fails.</summary>
    [InterpolatedStringHandler]
    public ref struct FailureMessage
    {
        private DefaultInterpolatedStringHandler _text;

        /// <summary>Starts the message; nothing is appended when <paramref name="condition"/> holds.</summary>
        public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            shouldAppend = !condition;
            _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        /// <summary>Appends literal text.</summary>
        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        /// <summary>Appends a formatted value.</summary>
        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        /// <summary>Appends a formatted value with a format string.</summary>
        public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

        /// <summary>The message.</summary>
        public string ToStringAndClear() => _text.ToStringAndClear();
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
