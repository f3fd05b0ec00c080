using Paz.Tribunal.Security;

namespace Paz.Web.Tests;

/// <summary>Password hashes, and the decoy an unknown name is checked against so that it costs as much as a real account.</summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void TheDecoyCostsAnAccountsIterationsAndMatchesNoPassword()
    {
        var account = PasswordHashing.Hash("a long passphrase", 1_000);
        var decoy = PasswordHashing.Decoy(account);
        Assert.Equal("1000", decoy.Split('$')[1]); // the same PBKDF2 work as checking the account
        Assert.False(PasswordHashing.Verify("a long passphrase", decoy));
        Assert.False(PasswordHashing.Verify(string.Empty, decoy));
        Assert.True(PasswordHashing.Verify("a long passphrase", account));
    }

    [Fact]
    public void WithoutAnyAccountTheDecoyCostsTheDefaultIterations() =>
        Assert.Equal(PasswordHashing.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), PasswordHashing.Decoy(null).Split('$')[1]);
}
