import { StyleSheet } from "@react-pdf/renderer";

// Points per millimetre: the page and the QR are specified in print sizes.
export const MM = 72 / 25.4;

// 105 x 210 mm: a tall ticket that reads well on a phone and prints two to an A4 sheet.
export const PAGE_SIZE = { width: 105 * MM, height: 210 * MM };
// 55 mm comfortably exceeds the 45 mm a door scanner needs from arm's length.
export const QR_SIZE = 55 * MM;

const INK = "#17151c";
const MUTED = "#6b6775";
const PAPER = "#ffffff";
const BACKDROP = "#e8e4da";
const ACCENT = "#f2b705";
const LINE = "#d9d4c7";

export const styles = StyleSheet.create({
  page: { backgroundColor: BACKDROP, padding: 5 * MM, fontFamily: "Helvetica", color: INK },
  card: { flexGrow: 1, backgroundColor: PAPER, borderRadius: 8 },

  header: {
    backgroundColor: INK,
    borderTopLeftRadius: 8,
    borderTopRightRadius: 8,
    paddingVertical: 10,
    paddingHorizontal: 14,
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "center",
  },
  brand: { fontFamily: "Helvetica-Bold", fontSize: 15, letterSpacing: 3.5, color: ACCENT },
  admit: { fontFamily: "Helvetica-Bold", fontSize: 8, letterSpacing: 1.5, color: PAPER },

  body: { paddingHorizontal: 14, paddingTop: 12 },
  title: { fontFamily: "Helvetica-Bold", fontSize: 19, lineHeight: 1.15, maxLines: 2, textOverflow: "ellipsis" },
  titleLong: { fontSize: 15 },
  metaRow: { flexDirection: "row", alignItems: "center", marginTop: 5 },
  rating: {
    fontFamily: "Helvetica-Bold",
    fontSize: 7.5,
    borderWidth: 1,
    borderColor: INK,
    borderRadius: 2,
    paddingHorizontal: 3,
    paddingTop: 1.5,
    paddingBottom: 0.5,
    marginRight: 6,
  },
  meta: { fontSize: 8.5, color: MUTED },
  // The show's tags (IMAX · Audio description): what the customer chose this showing for.
  tags: { fontFamily: "Helvetica-Bold", fontSize: 8.5, marginTop: 4, maxLines: 2, textOverflow: "ellipsis" },

  section: { marginTop: 9, paddingTop: 8, borderTopWidth: 1, borderTopColor: LINE },
  label: { fontSize: 6.5, letterSpacing: 1.2, color: MUTED, marginBottom: 2 },
  date: { fontFamily: "Helvetica-Bold", fontSize: 10.5 },
  time: { fontFamily: "Helvetica-Bold", fontSize: 22, marginTop: 1 },
  strong: { fontFamily: "Helvetica-Bold", fontSize: 10.5, maxLines: 1, textOverflow: "ellipsis" },
  small: { fontSize: 8, color: MUTED, marginTop: 1.5, maxLines: 2, textOverflow: "ellipsis" },

  seatStrip: { flexDirection: "row", marginTop: 10 },
  seatBox: { flexGrow: 1, flexBasis: 0, borderWidth: 1.2, borderColor: INK, borderRadius: 4, paddingVertical: 5, paddingHorizontal: 7 },
  seatBoxGap: { marginLeft: 5 },
  seatValue: { fontFamily: "Helvetica-Bold", fontSize: 18, maxLines: 1, textOverflow: "ellipsis" },
  tierValue: { fontFamily: "Helvetica-Bold", fontSize: 9.5, marginTop: 1, maxLines: 1, textOverflow: "ellipsis" },
  price: { fontSize: 9.5, marginTop: 1 },
  typeValue: { fontSize: 9.5, marginTop: 1, maxLines: 1, textOverflow: "ellipsis" },

  perforation: { marginTop: 6, height: 16, justifyContent: "center" },
  dashes: { marginHorizontal: 12, borderTopWidth: 1.2, borderTopColor: LINE, borderStyle: "dashed" },
  notch: { position: "absolute", top: 0, width: 16, height: 16, borderRadius: 8, backgroundColor: BACKDROP },
  notchLeft: { left: -8 },
  notchRight: { right: -8 },

  stub: { flexGrow: 1, alignItems: "center", justifyContent: "center", paddingHorizontal: 14, paddingBottom: 2 },
  qr: { width: QR_SIZE, height: QR_SIZE },
  code: { fontFamily: "Courier", fontSize: 6.5, color: MUTED, marginTop: 2 },
  stubSeat: { fontFamily: "Helvetica-Bold", fontSize: 10, marginTop: 6 },
  hint: { fontSize: 7, color: MUTED, marginTop: 3, textAlign: "center" },

  footer: { marginHorizontal: 14, marginBottom: 6, borderTopWidth: 1, borderTopColor: LINE, paddingTop: 5 },
  footerRow: { flexDirection: "row", alignItems: "center", marginTop: 1.5 },
  footerLabel: { width: 46, fontSize: 6, letterSpacing: 1.1, color: MUTED },
  footerText: { flexGrow: 1, flexBasis: 0, fontSize: 7.5, maxLines: 1, textOverflow: "ellipsis" },
  // The order receipt (issue 18), total first: at most three short lines.
  receipt: { fontSize: 6.5, lineHeight: 1.25, marginTop: 2, maxLines: 3, textOverflow: "ellipsis" },
  orderId: { fontFamily: "Courier-Bold", fontSize: 7.5 },
});
