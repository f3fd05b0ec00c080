using Paz.Core.Territory;

namespace Paz.Core.Tests.Territory;

public class MunicipalityCodeTests
{
    [Fact]
    public void KeepsLeadingZerosAndKnowsItsState()
    {
        var aguascalientes = new MunicipalityCode("01001");
        Assert.Equal("01001", aguascalientes.ToString());
        Assert.Equal(new StateCode("01"), aguascalientes.State);
    }

    [Theory]
    [InlineData("1001")]
    [InlineData("001001")]
    [InlineData("33001")]
    [InlineData("00001")]
    [InlineData("01000")]
    [InlineData("0100a")]
    [InlineData("")]
    public void RejectsTextThatIsNotAFiveDigitInegiCode(string text)
    {
        Assert.False(MunicipalityCode.IsValid(text));
        var error = Assert.Throws<ArgumentException>(() => new MunicipalityCode(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdersAsText()
    {
        Assert.True(new MunicipalityCode("02004") > new MunicipalityCode("01011"));
        Assert.True(new StateCode("09") < new StateCode("10"));
    }
}
