export { SeatMap, type SeatMapProps } from "./seat-map";
