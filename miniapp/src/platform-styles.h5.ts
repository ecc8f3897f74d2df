import './styles/h5-tabbar.css';
