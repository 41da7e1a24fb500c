package bitcoin

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
)

const (
	// mempoolExpiry is Bitcoin Core's DEFAULT_MEMPOOL_EXPIRY_HOURS (336).
	mempoolExpiry = 336 * time.Hour
	// expiringWithin is when the time left is worth a warning.
	expiringWithin = 72 * time.Hour
	// confirmationsWanted is below what low_confirmations is reported
	// (exchanges want 1 to 6).
	confirmationsWanted = 3
	// assumedFloor is the relay and incremental rate used when the node
	// does not say: 1 sat/vB, which every node version accepts.
	assumedFloor = 1.0
)

// childVSize is the size assumed for a CPFP child: one input spending an
// output of the given type, one output of the same type (P2WPKH: 110 vB,
// measured on btcd regtest; the others from the standard sizes with a
// 72-byte signature).
func childVSize(outputType string) int64 {
	switch outputType {
	case "p2pkh":
		return 192
	case "p2sh":
		return 134 // P2SH-P2WPKH
	case "p2tr":
		return 111 // key path
	}
	return 110
}

// judge fills rep from one endpoint's facts. It is pure.
func judge(rep *diagnose.Report, f *facts, now time.Time) {
	info := &diagnose.BitcoinInfo{}
	rep.Bitcoin = info
	if !f.found {
		judgeMissing(rep, f, info)
		return
	}
	info.FeeSat, info.VSize = f.feeSat, f.vsize
	info.FeeRateSatVB = round2(f.rate())
	info.RBFSignaled = f.signalsRBF()
	if f.confirmed {
		rep.Status = diagnose.StatusSuccess
		conf := f.confirmations
		if conf <= 0 {
			conf = f.tipHeight - f.blockHeight + 1
		}
		if conf < 1 {
			// The tip answer lags the block the tx is in.
			conf = 1
		}
		rep.Confirmations = uint64(conf)
		if conf < confirmationsWanted {
			rep.Add(diagnose.CodeLowConfirmations, diagnose.SevInfo, map[string]string{"variant": "bitcoin",
				"confirmations": itoa(conf), "target": itoa(confirmationsWanted)})
		}
		return
	}
	rep.Status = diagnose.StatusPending
	judgePending(rep, f, info, now)
}

func judgePending(rep *diagnose.Report, f *facts, info *diagnose.BitcoinInfo, now time.Time) {
	info.NextBlockFeeRateSatVB = round2(f.nextBlockRate)
	floor, floorSource := f.relayFloor, "node"
	if floor <= 0 {
		floor, floorSource = assumedFloor, "assumed"
	}
	// The minimum is the higher of the eviction floor (read) and the
	// relay floor (read or assumed); the words say which.
	minRate, minSource := f.minRate, "node"
	if minRate < floor {
		minRate, minSource = floor, floorSource
	}
	info.MinFeeRateSatVB = round2(minRate)
	rate := f.rate()
	if floorSource == "assumed" || f.incremental <= 0 {
		f.notes = append(f.notes, noteFloorAssumed)
	}
	if len(f.estimates) > 0 {
		f.notes = append(f.notes, noteEstimates)
	}
	if f.feeKnown && rate < minRate {
		rep.Add(diagnose.CodeBelowMinRelay, diagnose.SevError, map[string]string{
			"variant": minSource, "rate": fmtRate(rate), "min_rate": fmtRate(minRate)})
	}
	if f.feeKnown && f.nextBlockRate > 0 && rate < f.nextBlockRate {
		rep.Add(diagnose.CodeUnderpriced, diagnose.SevWarn, map[string]string{"variant": "bitcoin",
			"rate": fmtRate(rate), "next_rate": fmtRate(f.nextBlockRate), "fee": itoa(f.feeSat),
			"vsize": itoa(f.vsize), "source": f.nextBlockSource})
		rep.Findings[len(rep.Findings)-1].Guide = "btc-rbf"
	}
	if f.feeKnown && f.vsize > 0 {
		judgeRBF(rep, f, info)
		judgeCPFP(rep, f, info, floor)
	}
	if count := max(len(f.ancestors), f.ancestorCount); f.ancestorsKnown && len(f.ancestors) > 0 {
		rep.Add(diagnose.CodeUnconfirmedParent, diagnose.SevWarn, map[string]string{
			"count": strconv.Itoa(count), "parent": f.ancestors[0].txid})
	}
	if !f.firstSeen.IsZero() {
		left := mempoolExpiry - now.Sub(f.firstSeen)
		if left < expiringWithin {
			hours := int64(math.Floor(left.Hours()))
			if hours < 0 {
				hours = 0
			}
			rep.Add(diagnose.CodeExpiring, diagnose.SevWarn, map[string]string{
				"hours_left": itoa(hours), "age_hours": itoa(int64(now.Sub(f.firstSeen).Hours())),
				"first_seen": f.firstSeen.UTC().Format(time.RFC3339)})
		}
	}
	addNotes(rep, f)
}

// judgeRBF gives the exact replacement minimum: new fee ≥ the fees of
// everything replaced + incremental rate × new vsize, and a rate above
// the old one. The new vsize is taken as the old one (same inputs and
// outputs).
func judgeRBF(rep *diagnose.Report, f *facts, info *diagnose.BitcoinInfo) {
	signalled := f.signalsRBF()
	full := f.fullRBF != nil && *f.fullRBF
	if !signalled && f.fullRBF != nil && !*f.fullRBF {
		return
	}
	incr, incrSource := f.incremental, "node"
	if incr <= 0 {
		incr, incrSource = assumedFloor, "assumed"
	}
	replaced := f.feeSat + f.descendantFee
	minFee := replaced + int64(math.Ceil(incr*float64(f.vsize)))
	if minFee <= f.feeSat {
		minFee = f.feeSat + 1
	}
	info.RBFMinFeeSat = minFee
	suggested := minFee
	if f.nextBlockRate > 0 {
		if s := int64(math.Ceil(f.nextBlockRate * float64(f.vsize))); s > suggested {
			suggested = s
		}
	}
	variant := "signalled"
	switch {
	case !signalled && full:
		variant = "full_rbf"
	case !signalled:
		variant = "unsignalled"
	}
	if incrSource == "assumed" {
		variant += "_assumed"
	}
	data := map[string]string{"variant": variant, "min_fee": itoa(minFee),
		"min_rate": fmtRate(float64(minFee) / float64(f.vsize)), "vsize": itoa(f.vsize),
		"incremental": fmtRate(incr), "suggested_fee": itoa(suggested),
		"fee": itoa(f.feeSat)}
	if f.descendantFee > 0 {
		data["descendant_fee"] = itoa(f.descendantFee)
	}
	if !f.descendantsKnown {
		data["descendants"] = "unknown"
	}
	rep.Add(diagnose.CodeRBFAvailable, diagnose.SevInfo, data)
}

// judgeCPFP gives the child fee that lifts the package to the next-block
// rate: target × (package vsize + child vsize) − package fee, at least the
// child's own relay fee.
func judgeCPFP(rep *diagnose.Report, f *facts, info *diagnose.BitcoinInfo, floor float64) {
	if f.nextBlockRate <= 0 || f.rate() >= f.nextBlockRate || len(f.outputTypes) == 0 {
		return
	}
	child := childVSize(f.outputTypes[0])
	pkgFee, pkgVSize := f.feeSat, f.vsize
	for _, a := range f.ancestors {
		pkgFee += a.feeSat
		pkgVSize += a.vsize
	}
	fee := int64(math.Ceil(f.nextBlockRate*float64(pkgVSize+child))) - pkgFee
	if own := int64(math.Ceil(floor * float64(child))); fee < own {
		fee = own
	}
	info.CPFPChildFeeSat = fee
	data := map[string]string{"child_fee": itoa(fee), "child_vsize": itoa(child),
		"child_rate": fmtRate(float64(fee) / float64(child)), "target_rate": fmtRate(f.nextBlockRate),
		"package_fee": itoa(pkgFee), "package_vsize": itoa(pkgVSize)}
	if !f.ancestorsKnown {
		data["ancestors"] = "unknown"
	}
	rep.Add(diagnose.CodeCPFPAvailable, diagnose.SevInfo, data)
}

func judgeMissing(rep *diagnose.Report, f *facts, info *diagnose.BitcoinInfo) {
	switch {
	case f.replacedBy != "":
		rep.Status = diagnose.StatusReplaced
		info.ReplacedBy = f.replacedBy
		variant := "bitcoin"
		if f.conflictConfirmed {
			variant = "bitcoin_confirmed"
		}
		rep.Add(diagnose.CodeReplaced, diagnose.SevWarn, map[string]string{"variant": variant, "replacement": f.replacedBy})
	case f.conflictConfirmed:
		rep.Status = diagnose.StatusReplaced
		rep.Add(diagnose.CodeReplaced, diagnose.SevWarn, map[string]string{"variant": "bitcoin_spent"})
	case f.inputsKnown && f.inputsUnspent:
		rep.Status = diagnose.StatusDropped
		rep.Add(diagnose.CodeDropped, diagnose.SevWarn, map[string]string{"variant": "bitcoin"})
		rep.Findings[len(rep.Findings)-1].Guide = "btc-dropped"
	default:
		rep.Status = diagnose.StatusNotFound
		rep.Add(diagnose.CodeNotFound, diagnose.SevWarn, map[string]string{"variant": "bitcoin"})
		rep.Findings[len(rep.Findings)-1].Guide = "btc-dropped"
	}
	addNotes(rep, f)
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func fmtRate(v float64) string { return strconv.FormatFloat(round2(v), 'f', -1, 64) }

// addNotes reports what could not be asked, once per note.
func addNotes(rep *diagnose.Report, f *facts) {
	seen := map[string]bool{}
	for _, n := range f.notes {
		if seen[n] {
			continue
		}
		seen[n] = true
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevInfo, map[string]string{"variant": "bitcoin_" + n,
			"methods": strings.Join(f.estimates, ", ")})
	}
}
