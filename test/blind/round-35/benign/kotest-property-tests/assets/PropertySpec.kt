package com.example.pricing

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.result.shouldBeFailure
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.arbitrary.bind
import io.kotest.property.arbitrary.enum
import io.kotest.property.arbitrary.int
import io.kotest.property.arbitrary.list
import io.kotest.property.arbitrary.long
import io.kotest.property.arbitrary.string
import io.kotest.property.arbitrary.withEdgecases
import io.kotest.property.checkAll
import kotlinx.serialization.Serializable
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.json.Json

// Replace these stand-ins with the project's real types and Pricing object.

@Serializable enum class Currency { EUR, USD, JPY }
@Serializable data class Money(val cents: Long, val currency: Currency)
@Serializable data class Line(val sku: String, val qty: Int, val unit: Money)

val LinesSerializer = ListSerializer(Line.serializer())

val moneyArb: Arb<Money> = Arb.bind(
    Arb.long(-10_000_000L..10_000_000L),
    Arb.enum<Currency>(),
) { c, ccy -> Money(c, ccy) }

val lineArb: Arb<Line> = arbitrary {
    val ccy = Arb.enum<Currency>().bind()
    Line(
        sku = Arb.string(3..12).bind(),
        qty = Arb.int(1..500).withEdgecases(1, 500).bind(),
        unit = Money(Arb.long(0L..1_000_000L).bind(), ccy),
    )
}

class PricingProperties : FunSpec({

    test("round trip: JSON encode/decode preserves lines") {
        checkAll(Arb.list(lineArb, 0..30)) { lines ->
            val json = Json.encodeToString(LinesSerializer, lines)
            Json.decodeFromString(LinesSerializer, json) shouldBe lines
        }
    }

    test("model: optimised total equals naive sum") {
        checkAll(PropTestConfig(iterations = 3_000), Arb.list(lineArb, 1..50)) { lines ->
            val sameCcy = lines.map { it.copy(unit = it.unit.copy(currency = lines.first().unit.currency)) }
            val naive = sameCcy.sumOf { it.unit.cents * it.qty }
            Pricing.total(sameCcy).cents shouldBe naive
        }
    }

    test("invariant: discount never makes a total negative") {
        checkAll(Arb.list(lineArb, 1..20), Arb.int(0..100)) { lines, pct ->
            val sameCcy = lines.map { it.copy(unit = it.unit.copy(currency = Currency.EUR)) }
            (Pricing.withDiscount(sameCcy, pct).cents >= 0) shouldBe true
        }
    }

    test("no-throw: parser returns failure instead of throwing") {
        checkAll(Arb.string(0..200)) { s ->
            // parseAmount returns Result<Money>; any exception escaping it is a bug
            runCatching { Pricing.parseAmount(s) }.isSuccess shouldBe true
        }
    }

    test("regression pinned from shrunk counter-example") {
        Pricing.parseAmount("-0.005").shouldBeFailure()
    }
})
