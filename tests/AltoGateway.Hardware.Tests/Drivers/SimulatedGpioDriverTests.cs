using System.Device.Gpio;
using AltoGateway.Hardware.Drivers;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Hardware.Tests.Drivers;

public sealed class SimulatedGpioDriverTests
{
    [Fact]
    public void It_records_every_write_with_its_time_through_a_GpioController()
    {
        var time = new FakeTimeProvider(SimulatedBoard.Start);
        var chip = new SimulatedGpioDriver(28, time);
        var seen = new List<GpioWrite>();
        chip.Written += seen.Add;
        using var controller = new GpioController(chip);

        controller.OpenPin(5, PinMode.Output, PinValue.Low);
        time.Advance(TimeSpan.FromMilliseconds(30));
        controller.Write(5, PinValue.High);

        GpioWrite[] expected = [new(5, PinValue.Low, SimulatedBoard.Start), new(5, PinValue.High, SimulatedBoard.Start.AddMilliseconds(30))];
        Assert.Equal(expected, chip.Writes);
        Assert.Equal(expected, seen);
        Assert.Equal(PinValue.High, controller.Read(5));
    }

    [Fact]
    public void Like_libgpiod_it_refuses_lines_that_do_not_exist_or_are_not_open_and_writes_no_input()
    {
        var chip = new SimulatedGpioDriver(28, new FakeTimeProvider(SimulatedBoard.Start));
        using var controller = new GpioController(chip);

        Assert.ThrowsAny<ArgumentException>(() => controller.OpenPin(28, PinMode.Output));
        Assert.ThrowsAny<InvalidOperationException>(() => controller.Write(4, PinValue.High));
        controller.OpenPin(4, PinMode.Input);
        controller.Write(4, PinValue.High); // GpioController does not pass a write to an input on
        Assert.Empty(chip.Writes);
        Assert.Equal(PinMode.Input, controller.GetPinMode(4));
    }
}
