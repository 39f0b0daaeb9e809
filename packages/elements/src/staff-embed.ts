// Entry of the staff console's ES-module graph, started by the classic loader dist/gongkai-staff.js.
import './staff.js';
