import './styles/h5-tabbar.css';
import './styles/h5-overlays.css';
