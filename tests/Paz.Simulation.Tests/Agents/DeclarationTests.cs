using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Every parameter and lever is declared once, with a unit, a source or "assumed", a valid range and, where uncertain, a prior inside it.</summary>
public class DeclarationTests
{
    public static TheoryData<string> Names => new(Declarations.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryDeclarationHasAUnitASourceAndARangeHoldingItsDefaultAndPrior(string name)
    {
        var spec = Declarations.Find(name)!;
        Assert.False(string.IsNullOrWhiteSpace(spec.Unit), $"{name} has no unit");
        Assert.False(string.IsNullOrWhiteSpace(spec.Source), $"{name} has no source (or 'assumed')");
        Assert.False(string.IsNullOrWhiteSpace(spec.Description), $"{name} says nothing of what it means");
        Assert.True(spec.Minimum <= spec.Maximum, $"{name}: range {spec.Minimum} .. {spec.Maximum}");
        Assert.True(spec.Kind is ValueKind.Names or ValueKind.Month || spec.Admits(spec.Default), $"{name}: default {spec.Default} outside {spec.Minimum} .. {spec.Maximum}");
        if (spec.Prior is { } prior)
        {
            Assert.True(spec.Admits(prior.Low) && spec.Admits(prior.High) && prior.Low < prior.High, $"{name}: prior {prior} outside the valid range");
            Assert.True(prior.Shape == PriorShape.Uniform || prior.Low > 0, $"{name}: a log-uniform prior needs a positive lower bound");
        }

        Assert.True(!spec.Fitted || spec.Prior is not null, $"{name} is fitted but has no prior to search");
        Assert.True(!spec.IsLever || spec.Switchable, $"{name} is a lever, so a timeline may change it");
        Assert.True(spec.Kind is not (ValueKind.Choice or ValueKind.Choices) || spec.Words.Count > 0, $"{name} is a choice without words");

        // Uncertainty enters every band through the priors: a real-valued model parameter without one would be silently
        // held at its point value by paz infer and by the drawing of replicates, so a new pillar's parameters must declare one.
        Assert.True(spec.IsLever || spec.Kind != ValueKind.Number || spec.Prior is not null, $"{name} is a model parameter without a prior: paz infer and the bands would ignore its uncertainty");
    }

    [Fact]
    public void TheCalibrationsFreeSetIsTheFittedDeclarations()
    {
        Assert.Equal(
            Declarations.All.Where(s => s.Fitted).Select(s => s.Name).Order(),
            Paz.Simulation.Agents.Calibration.DefaultFree.Select(f => f.Name).Order());
        Assert.InRange(Paz.Simulation.Agents.Calibration.DefaultFree.Count, 1, 12);
    }

    [Fact]
    public void EveryMechanismIsRegisteredOnceAndDeclaresWhatItOwns()
    {
        var all = Schedule.Mechanisms.Concat(Schedule.AfterEvents).ToList();
        Assert.Equal(all.Count, all.Select(m => m.Name).Distinct().Count());
        Assert.All(all, m => Assert.False(string.IsNullOrWhiteSpace(m.Claim), $"{m.Name} names no claim"));
        Assert.Equal(Declarations.All.Count, Declarations.All.Select(s => s.Name).Distinct().Count());
    }
}
