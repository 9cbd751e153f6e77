using System.Runtime.CompilerServices;

namespace PartnerSim.Model.Partners;

// The fixed-size arrays of a PartnerState, stored inside it rather than as objects of their own: a partner is one
// object on the heap instead of seven, which is what the collector traces and what one step reads.

[InlineArray(PartnerState.BookingsHistory)]
public struct BookingsByAge { private double _quarter; }

[InlineArray(PartnerState.MaxBlackBeltWindow)]
public struct HalfPointsByAge { private int _quarter; }

[InlineArray(PartnerState.MaxPaymentLag)]
public struct CentsByQuarter { private long _quarter; }

[InlineArray(Metrics.PortfolioCount)]
public struct ByPortfolio<T> { private T _portfolio; }
