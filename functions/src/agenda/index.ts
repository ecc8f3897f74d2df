/** The agenda feature's public face: what other features may use of it. */
export { maskName } from './views';
export { topicFromNeedWrites, type TopicFromNeedInput } from './from-need';
export { topicMonthFigures } from './figures';
export { agendaPlans } from './notify-plans';
